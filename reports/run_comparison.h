// Comparing two runs entry by entry (`vleval compare`): the difference of the
// headline metric, and, when both runs have per-sample outcomes, a paired
// bootstrap 95% CI of the mean per-sample difference, the exact McNemar
// p-value and the samples whose outcome flipped. Samples pair by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "metrics/paired_statistics.h"
#include "reports/run_folder.h"

namespace vleval {

struct FlippedSample {
  std::string id;
  double score_a = 0;
  double score_b = 0;
};

// Statistics over the samples present in both runs.
struct PairedOutcomes {
  long paired = 0;     // samples with an id in both runs
  long only_in_a = 0;  // ids only one run has (not tested)
  long only_in_b = 0;
  long worse = 0;                      // score_b < score_a
  long better = 0;                     // score_b > score_a
  BootstrapInterval ci;                // of mean(score_b - score_a), in points (x 100); 0 when nothing pairs
  double p_value = 1;                  // exact McNemar on worse vs better (McNemarPValueOfChanges)
  std::vector<FlippedSample> flipped;  // every changed sample, in A's order
};

struct EntryComparison {
  std::string entry;
  std::string metric;  // headline key, e.g. "accuracy"
  bool lower_is_better = false;
  double value_a = 0;
  double value_b = 0;
  std::optional<PairedOutcomes> paired;  // absent without per-sample files

  double Difference() const { return value_b - value_a; }
  // How much worse B is than A, in the metric's units (negative: better).
  double Drop() const { return lower_is_better ? value_b - value_a : value_a - value_b; }
};

struct RunComparison {
  std::vector<EntryComparison> entries;  // entries both runs have, sorted by name
  std::vector<std::string> only_in_a;
  std::vector<std::string> only_in_b;
};

struct CompareOptions {
  int bootstrap_resamples = 2000;
  std::uint64_t seed = 20231016;
};

// Exact McNemar p-value (metrics/paired_statistics.h) of paired per-sample
// scores summarised as `worse` samples (score went down from A to B) and
// `better` ones (went up). Graded scores (VQA accuracy 1/3, 2/3) count by the
// direction of their change: the sign test, of which McNemar's test is the
// binary case; for 0/1 scores it is McNemar's test exactly.
double McNemarPValueOfChanges(long worse, long better);

// Compares every entry the two runs share. Errors (a malformed per-sample
// file) name the file and line.
Result<RunComparison> CompareRuns(const RunFolder& a, const RunFolder& b, const CompareOptions& options = {});

// The comparison as a terminal table plus the flipped samples (at most
// `max_flips_listed` ids per entry). `label_a`/`label_b` name the runs.
std::string FormatComparison(const RunComparison& comparison, const std::string& label_a,
                             const std::string& label_b, std::size_t max_flips_listed = 20);

}  // namespace vleval
