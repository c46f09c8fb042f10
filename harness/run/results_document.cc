#include "harness/run/results_document.h"

#include "harness/version.h"

namespace vleval {

std::string PromptTemplateText(const PlannedEntry& entry) {
  std::string identifier = entry.prompt.identifier;
  if (entry.identifier.kind == IdentifierChoice::Kind::kNone) identifier.clear();
  if (entry.identifier.kind == IdentifierChoice::Kind::kReplace) identifier = entry.identifier.token;
  return identifier.empty() ? entry.prompt.instruction : identifier + " " + entry.prompt.instruction;
}

nlohmann::json ResultsDocument(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                               const std::vector<EntryScore>& scores,
                               const std::vector<nlohmann::json>& data_files) {
  using nlohmann::json;
  const RunRequest& request = description.request;
  json config = {
      {"suite", request.suite ? json(*request.suite) : json(nullptr)},
      {"tasks", request.tasks},
      {"model", description.model},
      {"limit", request.limit ? json(*request.limit) : json(nullptr)},
      {"dialect", request.dialect.empty() ? json(nullptr) : json(request.dialect)},
      {"identifier", request.identifier.empty() ? json(nullptr) : json(request.identifier)},
      {"rec_resample", request.rec_resample},
  };
  json entries = json::object();
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const PlannedEntry& entry = plan[i];
    const MetricReport& report = scores[i].report;
    json body = {
        {"task", entry.task.name},
        {"variant", entry.variant},
        {"identifier", entry.identifier.ToString()},
        {"metric", entry.task.metric},
        {"dialect", DialectName(entry.dialect)},
        {"prompt_template", PromptTemplateText(entry)},
        {"task_config", TaskConfigToJson(entry.task)},
        {"data", {{"files", data_files[i]}}},
        {"n", entry.loaded.samples.size()},
        {"failures", scores[i].failures},
        {"metrics", report.metrics},
    };
    if (!report.breakdowns.empty()) body["breakdown"] = report.breakdowns;
    if (entry.rec_resample) body["resampled"] = scores[i].resampled;
    if (!scores[i].truncated_images.empty())
      body["truncated_images"] = TruncatedImagesJson(scores[i].truncated_images);
    entries[entry.name] = std::move(body);
  }
  return {{"format_version", 1}, {"harness_version", kVersion}, {"config", config}, {"entries", entries}};
}

}  // namespace vleval
