#include "benchmarks/task_config.h"

#include "core/json_file.h"

namespace vleval {
namespace {

Result<PromptTemplate> ParsePrompt(const nlohmann::json& object, const std::string& where) {
  StrictObject reader(object, where);
  PromptTemplate prompt;
  prompt.identifier = reader.RequiredString("identifier");
  prompt.instruction = reader.RequiredString("instruction");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  return prompt;
}

Result<GenerationSettings> ParseGeneration(const nlohmann::json* object, const std::string& where) {
  GenerationSettings settings;
  if (object == nullptr) return settings;
  StrictObject reader(*object, where + " generation");
  settings.max_new_tokens = reader.OptionalInt("max_new_tokens", settings.max_new_tokens);
  settings.batch_size = reader.OptionalInt("batch_size", settings.batch_size);
  settings.first_token_probability = reader.OptionalString("first_token_probability");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  if (settings.max_new_tokens < 1 || settings.batch_size < 1) {
    return Error{where + ": generation.max_new_tokens and batch_size must be >= 1"};
  }
  return settings;
}

}  // namespace

Result<PromptTemplate> TaskConfig::Variant(const std::string& variant) const {
  const std::string& wanted = variant.empty() ? default_variant : variant;
  auto it = variants.find(wanted);
  if (it == variants.end()) {
    std::string known;
    for (const auto& [key, value] : variants) known += (known.empty() ? "" : ", ") + key;
    return Error{"task '" + name + "' has no prompt variant '" + wanted + "' (known: " + known + ")"};
  }
  return it->second;
}

Result<TaskConfig> ParseTaskConfig(const nlohmann::json& object, const std::string& where) {
  if (object.is_object() && object.contains("conversation")) {
    return Error{where +
                 ": 'conversation' is no longer a task field: the chat template belongs to the model "
                 "config (configs/models/*.json \"chat_template\", vleval run --model-config)"};
  }
  StrictObject reader(object, where);
  TaskConfig config;
  config.name = reader.RequiredString("name");
  config.version = reader.RequiredInt("version");
  config.description = reader.OptionalString("description");
  config.loader = reader.RequiredString("loader");
  if (const auto* options = reader.Child("loader_options")) config.loader_options = *options;
  const auto* variants = reader.Child("variants");
  const auto* identifier = reader.Child("identifier");
  const auto* instruction = reader.Child("instruction");
  config.default_variant = reader.OptionalString("default_variant", "default");
  config.metric = reader.RequiredString("metric");
  config.dialect = reader.RequiredString("dialect");
  auto generation = ParseGeneration(reader.Child("generation"), where);
  config.expected_count = reader.MaybeInt("expected_count");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  if (!generation) return generation.error();
  config.generation = *generation;

  if (variants != nullptr) {
    if (identifier != nullptr || instruction != nullptr || !variants->is_object()) {
      return Error{where + ": give either 'variants' (an object) or 'identifier' + 'instruction'"};
    }
    for (const auto& item : variants->items()) {
      auto prompt = ParsePrompt(item.value(), where + " variant '" + item.key() + "'");
      if (!prompt) return prompt.error();
      config.variants.emplace(item.key(), *prompt);
    }
  } else {
    nlohmann::json single = nlohmann::json::object();
    if (identifier != nullptr) single["identifier"] = *identifier;
    if (instruction != nullptr) single["instruction"] = *instruction;
    auto prompt = ParsePrompt(single, where);
    if (!prompt) return prompt.error();
    config.variants.emplace("default", *prompt);
  }
  if (config.variants.count(config.default_variant) == 0) {
    return Error{where + ": default_variant '" + config.default_variant + "' is not defined"};
  }
  if (!config.loader_options.is_null() && !config.loader_options.is_object()) {
    return Error{where + ": loader_options must be an object"};
  }
  return config;
}

Result<TaskConfig> LoadTaskConfig(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  auto config = ParseTaskConfig(*json, path.string());
  if (!config) return config;
  if (config->name != path.stem().string()) {
    return Error{path.string() + ": name '" + config->name + "' differs from the file name"};
  }
  return config;
}

nlohmann::json TaskConfigToJson(const TaskConfig& config) {
  nlohmann::json out;
  out["name"] = config.name;
  out["version"] = config.version;
  if (!config.description.empty()) out["description"] = config.description;
  out["loader"] = config.loader;
  if (!config.loader_options.is_null()) out["loader_options"] = config.loader_options;
  if (config.variants.size() == 1 && config.variants.count("default") == 1 &&
      config.default_variant == "default") {
    out["identifier"] = config.variants.at("default").identifier;
    out["instruction"] = config.variants.at("default").instruction;
  } else {
    for (const auto& [name, prompt] : config.variants) {
      out["variants"][name] = {{"identifier", prompt.identifier}, {"instruction", prompt.instruction}};
    }
    out["default_variant"] = config.default_variant;
  }
  out["metric"] = config.metric;
  out["dialect"] = config.dialect;
  out["generation"] = {{"max_new_tokens", config.generation.max_new_tokens},
                       {"batch_size", config.generation.batch_size}};
  if (!config.generation.first_token_probability.empty())
    out["generation"]["first_token_probability"] = config.generation.first_token_probability;
  if (config.expected_count) out["expected_count"] = *config.expected_count;
  return out;
}

}  // namespace vleval
