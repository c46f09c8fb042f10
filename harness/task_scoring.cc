#include "harness/task_scoring.h"

#include "benchmarks/loader.h"
#include "harness/metric_inputs.h"
#include "metrics/metric_registry.h"

namespace vleval {

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

  ScoringOptions scoring = options;
  ChairReferenceMap chair;
  if (task.loader == "chair") {
    if (auto status = LoadChairInputs(task, data_root, loaded->samples, scoring, chair); !status) {
      return Error{status.message()};
    }
  }

  std::vector<MetricSample> inputs;
  inputs.reserve(loaded->samples.size());
  for (std::size_t i = 0; i < loaded->samples.size(); ++i) {
    const Prediction* prediction = (*matched)[i];
    if (prediction == nullptr) {
      if (task.loader == "chair") {
        return Error{predictions.path.string() + ": no caption for CHAIR image " + id_texts[i]};
      }
      ++score.missing_predictions;
    }
    auto input = ToMetricSample(task.loader, loaded->samples[i], prediction, chair);
    if (!input) return Error{task.name + ": " + input.error().message};
    inputs.push_back(std::move(*input));
    score.ids.push_back(std::move(loaded->samples[i].id));
    loaded->samples[i] = Sample{};  // its references now live in inputs[i]
  }
  auto report = Score(task.metric, dialect, inputs, scoring);
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
