#include "harness/task_scoring.h"

#include <type_traits>

#include "benchmarks/loader.h"
#include "core/sample_id.h"
#include "harness/metric_inputs.h"
#include "metrics/metric_registry.h"

namespace vleval {

namespace {

// Samples: const std::vector<Sample>& (references copied) or
// std::vector<Sample>& (each sample moved out, then cleared).
template <typename Samples>
Result<MetricReport> ScoreEach(const TaskConfig& task, const std::filesystem::path& data_root,
                               Dialect dialect, Samples& samples,
                               const std::vector<const PredictionRecord*>& predictions,
                               const ScoringOptions& options, const std::string& source,
                               std::size_t* missing) {
  if (predictions.size() != samples.size()) {
    return Error{source + ": " + std::to_string(predictions.size()) + " predictions for " +
                 std::to_string(samples.size()) + " samples"};
  }
  auto family = FindTaskFamily(task, data_root);
  if (!family) return family.error();
  ScoringOptions scoring = options;
  auto complete = PrepareScoringInputs(*family, samples, scoring);
  if (!complete) return complete.error();
  const std::string& required = family->entry->required_prediction;

  std::vector<MetricSample> inputs;
  inputs.reserve(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const PredictionRecord* prediction = predictions[i];
    if (prediction == nullptr) {
      if (!required.empty()) return Error{source + ": no " + required + " " + SampleIdText(samples[i].id)};
      if (missing != nullptr) ++*missing;
    }
    Result<MetricSample> input = Error{""};
    if constexpr (std::is_const_v<Samples>) {
      input = ToMetricSample(samples[i], prediction, *complete);
    } else {
      input = ToMetricSample(std::move(samples[i]), prediction, *complete);
      samples[i] = Sample{};  // its references now live in inputs[i]
    }
    if (!input) return input.error();
    inputs.push_back(std::move(*input));
  }
  return Score(task.metric, dialect, inputs, scoring);
}

}  // namespace

Result<MetricReport> ScoreSamples(const TaskConfig& task, const std::filesystem::path& data_root,
                                  Dialect dialect, const std::vector<Sample>& samples,
                                  const std::vector<const PredictionRecord*>& predictions,
                                  const ScoringOptions& options, const std::string& source,
                                  std::size_t* missing) {
  return ScoreEach(task, data_root, dialect, samples, predictions, options, source, missing);
}

Result<MetricReport> ScoreSamples(const TaskConfig& task, const std::filesystem::path& data_root,
                                  Dialect dialect, std::vector<Sample>&& samples,
                                  const std::vector<const PredictionRecord*>& predictions,
                                  const ScoringOptions& options, const std::string& source,
                                  std::size_t* missing) {
  return ScoreEach(task, data_root, dialect, samples, predictions, options, source, missing);
}

Result<TaskScore> ScoreTaskPredictions(const TaskConfig& task, const std::filesystem::path& data_root,
                                       const PredictionsFile& predictions, Dialect dialect,
                                       const ScoringOptions& options) {
  auto loaded = LoadTaskSamples(task, data_root, /*with_images=*/false);
  if (!loaded) return loaded.error();
  TaskScore score;
  score.task = task.name;
  score.dialect = dialect;
  score.warnings = loaded->warnings;

  std::vector<std::string> id_texts;
  id_texts.reserve(loaded->samples.size());
  for (const auto& sample : loaded->samples) id_texts.push_back(SampleIdText(sample.id));
  auto matched = MatchPredictions(predictions, id_texts);
  if (!matched) return matched.error();
  id_texts = {};
  score.ids.reserve(loaded->samples.size());
  for (const auto& sample : loaded->samples) score.ids.push_back(sample.id);

  auto report = ScoreSamples(task, data_root, dialect, std::move(loaded->samples), *matched, options,
                             predictions.path.string(), &score.missing_predictions);
  if (!report) return Error{task.name + ": " + report.error().message};
  score.report = std::move(*report);
  score.warnings.insert(score.warnings.end(), score.report.notes.begin(), score.report.notes.end());
  return score;
}

nlohmann::json TaskScoreJson(const TaskScore& score) {
  nlohmann::json out;
  out["task"] = score.task;
  out["dialect"] = DialectName(score.dialect);
  out["n"] = score.ids.size();
  out["metrics"] = nlohmann::json::object();
  for (const auto& [key, value] : score.report.metrics) out["metrics"][key] = value;
  if (!score.report.breakdowns.empty()) out["breakdown"] = score.report.breakdowns;
  if (score.missing_predictions != 0) out["missing_predictions"] = score.missing_predictions;
  return out;
}

}  // namespace vleval
