// Scoring one task's predictions against its data (`vleval score`, and the
// run loop once it exists): load the samples, match the predictions, build
// the metric inputs, score under a dialect.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/result.h"
#include "harness/predictions_file.h"
#include "metrics/dialect.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct TaskScore {
  std::string task;
  Dialect dialect = Dialect::kMiniGptV2;
  std::vector<nlohmann::json> ids;      // sample ids, in sample order (per_sample aligns)
  std::size_t missing_predictions = 0;  // samples without a prediction, scored as empty output
  MetricReport report;
  std::vector<std::string> warnings;  // from loading (count mismatch) and scoring notes
};

// The one scoring path of `vleval score` and `vleval run`: samples[i] with
// predictions[i] (null = none) through the task's metric under `dialect`.
// The loader's declarations apply: its scoring_inputs are read under
// `data_root`; a sample without a prediction is an error "<source>: no
// <required_prediction> <id>" when the loader requires one, else an empty
// output counted in *missing.
Result<MetricReport> ScoreSamples(const TaskConfig& task, const std::filesystem::path& data_root,
                                  Dialect dialect, const std::vector<Sample>& samples,
                                  const std::vector<const PredictionRecord*>& predictions,
                                  const ScoringOptions& options, const std::string& source,
                                  std::size_t* missing);

// Scores the predictions file at `predictions_path` (either format of
// ReadPredictionsFile) for `task` with the samples under `data_root`, as
// ScoreSamples does. The samples are loaded and turned into metric inputs
// first and the file is read after, so that 200,000 OK-VQA samples and
// their predictions are never all held at once. A prediction whose id
// matches no sample is an error naming its line; a sample without a
// prediction is scored as an empty output and counted in
// missing_predictions, except where the task's loader declares a
// required_prediction (CHAIR), where it is an error. The loader's
// scoring_inputs read what the metric needs beyond the samples (CHAIR: its
// tables and the COCO 2014 instance and caption files).
Result<TaskScore> ScoreTaskPredictions(const TaskConfig& task, const std::filesystem::path& data_root,
                                       const std::filesystem::path& predictions_path, Dialect dialect,
                                       const ScoringOptions& options);

// {"task", "dialect", "n", "metrics"} as `vleval score` prints it; with
// "breakdown" (e.g. VizWiz's accuracy per answer type) when the metric gives
// one and "missing_predictions" when non-zero.
nlohmann::json TaskScoreJson(const TaskScore& score);

}  // namespace vleval
