// TaskConfig: one benchmark task as data (configs/tasks/<name>.json). The
// prompt, with its task identifier as a separate field, the annotation loader,
// the metric and its dialect, and generation settings live here, not in code.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// The text given to the model for one sample, before the model's chat template
// (configs/models/*.json, benchmarks/model_profile.h) wraps it.
// Rendered as "<identifier> <instruction>", or "<instruction>" when the
// identifier is empty. `instruction` holds {field} placeholders filled from the
// sample (e.g. {question}).
struct PromptTemplate {
  std::string identifier;   // "[vqa]", "[refer]", ... or "" for none
  std::string instruction;  // e.g. "give me the location of {sent}"
};

struct GenerationSettings {
  int max_new_tokens = 20;
  int batch_size = 10;  // the official scripts' batch size (results do not depend on it)
  // A candidate answer whose first-token probability is recorded after
  // generation ("yes" for HM -> p_yes, "unanswerable" for VizWiz ->
  // p_unanswerable; see harness/run/prediction_record.h); "" = none.
  std::string first_token_probability;
};

struct TaskConfig {
  std::string name;
  int version = 1;
  std::string description;
  std::string loader;             // annotation format id, see benchmarks/
  nlohmann::json loader_options;  // loader-specific object; null when absent
  // Prompt variants by name; a task with one prompt has the single variant "default".
  std::map<std::string, PromptTemplate> variants;
  std::string default_variant = "default";
  std::string metric;   // metric id, see metrics/
  std::string dialect;  // default scoring dialect of the metric
  GenerationSettings generation;
  std::optional<int> expected_count;  // published sample count; a mismatch is reported

  // The template of `variant` ("" = the default one), or an error naming the task.
  Result<PromptTemplate> Variant(const std::string& variant) const;
};

// Parses one task config object. Unknown keys (a "conversation" gets a note:
// the chat template is the model config's), missing fields and a default
// variant that is not defined are errors naming `where` (normally the file
// path).
Result<TaskConfig> ParseTaskConfig(const nlohmann::json& object, const std::string& where);

// Reads and parses configs/tasks/<name>.json; the file name must match "name".
Result<TaskConfig> LoadTaskConfig(const std::filesystem::path& path);

// The JSON form ParseTaskConfig accepts; round-trips exactly.
nlohmann::json TaskConfigToJson(const TaskConfig& config);

}  // namespace vleval
