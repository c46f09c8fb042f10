#include "harness/task_scoring.h"

#include <string_view>
#include <type_traits>

#include "benchmarks/loader.h"
#include "core/sample_id.h"
#include "harness/metric_inputs.h"
#include "metrics/metric_registry.h"

namespace vleval {

namespace {

// The metric inputs of a task's samples before their predictions are known,
// with the scoring options their family completed.
struct MetricInputs {
  std::vector<MetricSample> samples;
  ScoringOptions options;
  std::string required_prediction;  // the loader's declaration; "" = a missing one scores as empty
};

// Samples: const std::vector<Sample>& (references copied) or
// std::vector<Sample>& (each sample moved out, then the whole vector freed).
template <typename Samples>
Result<MetricInputs> BuildMetricInputs(const TaskConfig& task, const std::filesystem::path& data_root,
                                       Samples& samples, const ScoringOptions& options) {
  auto family = FindTaskFamily(task, data_root);
  if (!family) return family.error();
  MetricInputs inputs;
  inputs.options = options;
  inputs.required_prediction = family->entry->required_prediction;
  auto complete = PrepareScoringInputs(*family, samples, inputs.options);
  if (!complete) return complete.error();
  inputs.samples.reserve(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    Result<MetricSample> input = Error{""};
    if constexpr (std::is_const_v<Samples>) {
      input = ToMetricSample(samples[i], *complete);
    } else {
      input = ToMetricSample(std::move(samples[i]), *complete);
      samples[i] = Sample{};  // its references now live in the input
    }
    if (!input) return input.error();
    inputs.samples.push_back(std::move(*input));
  }
  if constexpr (!std::is_const_v<Samples>) Samples().swap(samples);
  return inputs;
}

// The samples without a prediction (has[i] false): an error naming the
// first when the family requires one, else counted in *missing.
Status CheckMissing(const std::vector<bool>& has, const std::string& source, const MetricInputs& inputs,
                    std::size_t* missing) {
  for (std::size_t i = 0; i < has.size(); ++i) {
    if (has[i]) continue;
    if (!inputs.required_prediction.empty()) {
      return Error{source + ": no " + inputs.required_prediction + " " + inputs.samples[i].id};
    }
    if (missing != nullptr) ++*missing;
  }
  return {};
}

}  // namespace

Result<MetricReport> ScoreSamples(const TaskConfig& task, const std::filesystem::path& data_root,
                                  Dialect dialect, const std::vector<Sample>& samples,
                                  const std::vector<const PredictionRecord*>& predictions,
                                  const ScoringOptions& options, const std::string& source,
                                  std::size_t* missing) {
  if (predictions.size() != samples.size()) {
    return Error{source + ": " + std::to_string(predictions.size()) + " predictions for " +
                 std::to_string(samples.size()) + " samples"};
  }
  auto inputs = BuildMetricInputs(task, data_root, samples, options);
  if (!inputs) return inputs.error();
  std::vector<bool> has(predictions.size());
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    has[i] = predictions[i] != nullptr;
    if (has[i]) AttachPrediction(*predictions[i], inputs->samples[i]);
  }
  if (Status status = CheckMissing(has, source, *inputs, missing); !status) return Error{status.message()};
  return Score(task.metric, dialect, inputs->samples, inputs->options);
}

Result<TaskScore> ScoreTaskPredictions(const TaskConfig& task, const std::filesystem::path& data_root,
                                       const std::filesystem::path& predictions_path, Dialect dialect,
                                       const ScoringOptions& options) {
  auto loaded = LoadTaskSamples(task, data_root, /*for_model=*/false);
  if (!loaded) return loaded.error();
  TaskScore score;
  score.task = task.name;
  score.dialect = dialect;
  score.warnings = loaded->warnings;
  score.ids.reserve(loaded->samples.size());
  for (const auto& sample : loaded->samples) score.ids.push_back(sample.id);

  // The samples become metric inputs (and are freed) before the predictions
  // file is streamed onto them: the file is never held in memory.
  auto inputs = BuildMetricInputs(task, data_root, loaded->samples, options);
  if (!inputs) return Error{task.name + ": " + inputs.error().message};
  std::vector<std::string_view> ids;
  ids.reserve(inputs->samples.size());
  for (const MetricSample& input : inputs->samples) ids.push_back(input.id);
  auto lines =
      StreamPredictionsToSamples(predictions_path, ids, [&](std::size_t i, PredictionRecord& record) {
        AttachPrediction(std::move(record), inputs->samples[i]);
      });
  if (!lines) return lines.error();
  std::vector<bool> has(lines->size());
  for (std::size_t i = 0; i < lines->size(); ++i) has[i] = (*lines)[i] != 0;
  if (Status status = CheckMissing(has, predictions_path.string(), *inputs, &score.missing_predictions);
      !status)
    return Error{task.name + ": " + status.message()};

  auto report = Score(task.metric, dialect, inputs->samples, inputs->options);
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
