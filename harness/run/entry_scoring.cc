#include "harness/run/entry_scoring.h"

#include <map>

#include "core/sample_id.h"
#include "harness/metric_inputs.h"
#include "metrics/metric_registry.h"

namespace vleval {
namespace {

Prediction ToPrediction(const PredictionRecord& record) {
  Prediction prediction;
  prediction.id = SampleIdText(record.id);
  prediction.prompt = record.prompt;
  prediction.output = record.output;
  prediction.token_ids = record.token_ids;
  prediction.candidates_nll = record.candidates_nll;
  prediction.choice_detail = record.choice_detail;
  prediction.p_yes = record.p_yes;
  prediction.p_unanswerable = record.p_unanswerable;
  prediction.attempts = record.attempts;
  return prediction;
}

std::string MostCommon(const nlohmann::json& answers) {
  std::map<std::string, int> counts;
  std::string best;
  for (const auto& answer : answers) {
    if (!answer.is_string()) continue;
    const int count = ++counts[answer.get<std::string>()];
    if (count > counts[best] || best.empty()) best = answer.get<std::string>();
  }
  return best;
}

}  // namespace

std::string ReferenceText(const std::string& loader, const nlohmann::json& references) {
  if (!references.is_object()) return "";
  if (references.contains("answers")) return MostCommon(references["answers"]);
  if (references.contains("answer") && references["answer"].is_string())
    return references["answer"].get<std::string>();
  if (loader == "iconvqa" && references.contains("choices") && references["answer"].is_number_integer()) {
    const auto index = references["answer"].get<std::size_t>();
    const auto& choices = references["choices"];
    return index < choices.size() && choices[index].is_string() ? choices[index].get<std::string>() : "";
  }
  if (references.contains("label")) {
    const bool yes = references["label"] == 1;
    return loader == "hm" ? (yes ? "yes" : "no") : (yes ? "true" : "false");
  }
  if (references.contains("bbox")) return references["bbox"].dump(-1, ' ', false);
  return "";
}

Result<EntryScore> ScoreEntry(const PlannedEntry& entry, const std::vector<PredictionRecord>& records,
                              const std::filesystem::path& data_root, int threads) {
  ScoringOptions options;
  options.max_threads = threads;
  ChairReferenceMap chair;
  if (entry.task.loader == "chair") {
    if (auto status = LoadChairInputs(entry.task, data_root, entry.loaded.samples, options, chair); !status) {
      return Error{entry.name + ": " + status.message()};
    }
  }
  EntryScore score;
  std::vector<MetricSample> inputs;
  inputs.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Prediction prediction = ToPrediction(records[i]);
    auto input = ToMetricSample(entry.task.loader, entry.loaded.samples[i], &prediction, chair);
    if (!input) return Error{entry.name + ": " + input.error().message};
    inputs.push_back(std::move(*input));
    if (records[i].output.empty() && records[i].candidates_nll.empty()) ++score.failures;
    if (records[i].attempts.value_or(0) > 0) ++score.resampled;
  }
  auto report = Score(entry.task.metric, entry.dialect, inputs, options);
  if (!report) return Error{entry.name + ": " + report.error().message};
  score.report = std::move(*report);
  for (std::size_t i = 0; i < records.size(); ++i) {
    nlohmann::json line = {{"id", records[i].id}, {"score", score.report.per_sample.at(i)}};
    const std::string reference = ReferenceText(entry.task.loader, entry.loaded.samples[i].references);
    if (!reference.empty()) line["reference"] = reference;
    score.per_sample_lines.push_back(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return score;
}

}  // namespace vleval
