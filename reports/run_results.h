// RunResults: the parsed results.json of a run folder (docs/results_format.md),
// the input of every report, comparison and history record. Also names the
// headline metric of an entry (the number the paper's tables print), so that
// tables, comparisons and the history agree on which value they follow.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// One evaluated (task, variant, identifier). Values are as results.json holds
// them: percentages for accuracy-like metrics, caption words for CHAIR `len`.
struct EntryResult {
  std::string name;        // entry key: "okvqa", "okvqa@none", "chair:short"
  std::string task;        // "okvqa"
  std::string variant;     // "default" unless the task has several prompts
  std::string identifier;  // "default", "none" or a token such as "[vqa]"
  std::string metric;      // metric id, e.g. "vqa_accuracy"
  std::string dialect;     // "minigptv2" or "official"
  std::string prompt_template;
  long n = 0;
  long failures = 0;
  std::map<std::string, double> metrics;
  // group -> label -> value (e.g. answer_type -> yes/no -> 80.1); may be empty.
  std::map<std::string, std::map<std::string, double>> breakdown;
};

struct RunResults {
  std::string harness_version;
  std::optional<std::string> suite;            // null when the run was given --tasks
  std::string backend;                         // config.model.backend
  std::string checkpoint;                      // config.model.files.checkpoint.name, or ""
  std::map<std::string, EntryResult> entries;  // by entry key, sorted

  // The entry under `name`, or nullptr.
  const EntryResult* Find(const std::string& name) const;
};

// Parses a results.json document. `where` (the file) prefixes every error,
// which also names the entry at fault.
Result<RunResults> ParseRunResults(const nlohmann::json& json, const std::string& where);

// Reads and parses `path`.
Result<RunResults> LoadRunResults(const std::filesystem::path& path);

// The metric an entry is judged by: `accuracy` (VQA family, HM), `acc@0.5`
// (REC), `auroc` (HM, official dialect), `chair_i` (CHAIR); lower_is_better
// for CHAIR. nullopt when the entry has none of them.
struct Headline {
  std::string key;
  double value = 0;
  bool lower_is_better = false;
};
std::optional<Headline> HeadlineOf(const EntryResult& entry);

// True for metric keys where a smaller number is better (chair_i, chair_s,
// parse_failures).
bool LowerIsBetter(const std::string& metric_key);

}  // namespace vleval
