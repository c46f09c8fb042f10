// Scoring one entry of a finished run: its records (one per sample, in
// sample order) through the task's metric under the entry's dialect, plus the
// per-sample lines of per_sample/<entry>.jsonl with a short reference text
// for the report's sample browser (the loader's reference_text rule).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "harness/run/prediction_record.h"
#include "harness/run/run_plan.h"
#include "harness/run/truncated_images.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct EntryScore {
  MetricReport report;
  std::size_t failures = 0;                   // samples with neither an output nor candidate scores
  std::size_t resampled = 0;                  // REC: samples whose answer came from a resampling round
  std::vector<std::string> per_sample_lines;  // {"id", "score", "reference"} JSON, in sample order
  // Samples whose image file was truncated, in sample order (truncated_images.h).
  std::vector<TruncatedImage> truncated_images;
};

// `records[i]` is the prediction of entry.loaded.samples[i]. The loader's
// scoring_inputs are read under `data_root` (see task_scoring.h). Errors
// name the entry. `threads` bounds the metric's parallelism (0 = all); the
// numbers never depend on it.
Result<EntryScore> ScoreEntry(const PlannedEntry& entry, const std::vector<PredictionRecord>& records,
                              const std::filesystem::path& data_root, int threads);

}  // namespace vleval
