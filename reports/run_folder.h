// RunFolder: read access to one run folder (docs/results_format.md):
// results.json, and per entry the per-sample outcomes (per_sample/<entry>.jsonl)
// and the model's outputs (predictions/<entry>.jsonl). Reports, `compare` and
// the history read runs only through this class.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sample_id.h"  // SampleIdText
#include "reports/run_results.h"

namespace vleval {

// One line of per_sample/<entry>.jsonl. `reference` is the optional
// human-readable ground truth the scorer may add ("" when absent).
struct SampleOutcome {
  std::string id;    // sample id as text (numbers written as JSON writes them)
  double score = 0;  // 0..1 (accuracy-like), 0/1 IoU hit for REC
  std::string reference;
};

// One line of predictions/<entry>.jsonl.
struct SamplePrediction {
  std::string id;
  std::string prompt;
  std::string output;
};

class RunFolder {
 public:
  // Reads `dir`/results.json; errors name the file.
  static Result<RunFolder> Open(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const { return dir_; }
  const RunResults& results() const { return results_; }

  // The per-sample outcomes of `entry` in file order; nullopt when the run
  // has no per_sample file for it. A malformed line is an error naming the
  // file and line number.
  Result<std::optional<std::vector<SampleOutcome>>> PerSample(const std::string& entry) const;

  // The predictions of `entry` in file order; nullopt when absent.
  Result<std::optional<std::vector<SamplePrediction>>> Predictions(const std::string& entry) const;

 private:
  std::filesystem::path dir_;
  RunResults results_;
};

}  // namespace vleval
