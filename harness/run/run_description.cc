#include "harness/run/run_description.h"

#include "core/json_file.h"
#include "harness/run/canonical_json.h"

namespace vleval {
namespace {

constexpr const char* kFileName = "run_request.json";

}  // namespace

nlohmann::json RunDescriptionJson(const RunDescription& description) {
  const RunRequest& request = description.request;
  nlohmann::json json;
  json["suite"] = request.suite ? nlohmann::json(*request.suite) : nlohmann::json(nullptr);
  json["tasks"] = request.tasks;
  json["data_root"] = request.data_root.string();
  json["dialect"] = request.dialect.empty() ? nlohmann::json(nullptr) : nlohmann::json(request.dialect);
  json["identifier"] =
      request.identifier.empty() ? nlohmann::json(nullptr) : nlohmann::json(request.identifier);
  json["limit"] = request.limit ? nlohmann::json(*request.limit) : nlohmann::json(nullptr);
  json["rec_resample"] = request.rec_resample;
  if (request.allow_outside_paths) json["allow_outside_paths"] = true;  // absent in ordinary runs
  // Absent when not given (the default model config, its box codec), so a
  // run folder written before these options resumes.
  if (!request.model_config.empty()) json["model_config"] = request.model_config.string();
  if (!request.box_codec.empty()) json["box_codec"] = request.box_codec;
  json["model"] = description.model;
  json["shards"] = description.shard_count;
  return json;
}

Result<RunDescription> ParseRunDescription(const nlohmann::json& json, const std::string& where) {
  try {
    RunDescription description;
    RunRequest& request = description.request;
    if (!json.at("suite").is_null()) request.suite = json.at("suite").get<std::string>();
    request.tasks = json.at("tasks").get<std::vector<std::string>>();
    request.data_root = json.at("data_root").get<std::string>();
    if (!json.at("dialect").is_null()) request.dialect = json.at("dialect").get<std::string>();
    if (!json.at("identifier").is_null()) request.identifier = json.at("identifier").get<std::string>();
    if (!json.at("limit").is_null()) request.limit = json.at("limit").get<std::size_t>();
    request.rec_resample = json.at("rec_resample").get<bool>();
    request.allow_outside_paths = json.value("allow_outside_paths", false);
    request.model_config = json.value("model_config", std::string());
    request.box_codec = json.value("box_codec", std::string());
    description.model = json.at("model");
    description.shard_count = json.at("shards").get<int>();
    return description;
  } catch (const nlohmann::json::exception& error) {
    return Error{where + ": " + error.what()};
  }
}

Status WriteOrCheckRunDescription(const std::filesystem::path& run_dir, const RunDescription& description) {
  const auto path = run_dir / kFileName;
  nlohmann::json wanted = RunDescriptionJson(description);
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    auto existing = ReadJsonFile(path);
    if (!existing) return existing.error();
    std::string differing;
    for (const auto& [key, value] : wanted.items()) {
      if (key != "data_root" && (!existing->contains(key) || (*existing)[key] != value))
        differing += " " + key;
    }
    for (const char* key : {"model_config", "box_codec"}) {  // given before, not now
      if (existing->contains(key) && !wanted.contains(key)) differing += std::string(" ") + key;
    }
    if (!differing.empty()) {
      return Error{path.string() + ": this folder holds a different run (differs in:" + differing +
                   "); give a new --out or repeat the original command to resume"};
    }
  }
  return WriteFileAtomically(path, CanonicalJson(wanted));
}

Result<RunDescription> ReadRunDescription(const std::filesystem::path& run_dir) {
  const auto path = run_dir / kFileName;
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  return ParseRunDescription(*json, path.string());
}

}  // namespace vleval
