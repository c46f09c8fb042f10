#include "reports/run_results.h"

#include "core/json_file.h"

namespace vleval {
namespace {

using nlohmann::json;

std::string StringOr(const json& object, const char* key, std::string fallback) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::move(fallback);
}

EntryResult ParseEntry(const std::string& name, const json& body) {
  EntryResult entry;
  entry.name = name;
  entry.task = body.at("task").get<std::string>();
  entry.variant = StringOr(body, "variant", "default");
  entry.identifier = StringOr(body, "identifier", "default");
  entry.metric = body.at("metric").get<std::string>();
  entry.dialect = StringOr(body, "dialect", "");
  entry.prompt_template = StringOr(body, "prompt_template", "");
  entry.n = body.at("n").get<long>();
  entry.failures = body.value("failures", 0L);
  entry.metrics = body.at("metrics").get<std::map<std::string, double>>();
  if (auto b = body.find("breakdown"); b != body.end() && !b->is_null()) {
    entry.breakdown = b->get<std::map<std::string, std::map<std::string, double>>>();
  }
  return entry;
}

}  // namespace

const EntryResult* RunResults::Find(const std::string& name) const {
  auto it = entries.find(name);
  return it == entries.end() ? nullptr : &it->second;
}

Result<RunResults> ParseRunResults(const json& document, const std::string& where) {
  RunResults run;
  std::string current = "(top level)";
  try {
    if (document.at("format_version").get<int>() != 1) {
      return Error{where + ": unsupported format_version " + document.at("format_version").dump()};
    }
    run.harness_version = document.at("harness_version").get<std::string>();
    const json& config = document.at("config");
    if (auto suite = config.find("suite"); suite != config.end() && suite->is_string()) {
      run.suite = suite->get<std::string>();
    }
    if (auto model = config.find("model"); model != config.end() && model->is_object()) {
      run.backend = StringOr(*model, "backend", "");
      if (model->contains("files") && (*model)["files"].contains("checkpoint")) {
        run.checkpoint = StringOr((*model)["files"]["checkpoint"], "name", "");
      }
    }
    for (const auto& [name, body] : document.at("entries").items()) {
      current = "entry '" + name + "'";
      run.entries.emplace(name, ParseEntry(name, body));
    }
  } catch (const json::exception& e) {
    return Error{where + ": " + current + ": not a results file: " + e.what()};
  }
  return run;
}

Result<RunResults> LoadRunResults(const std::filesystem::path& path) {
  auto document = ReadJsonFile(path);
  if (!document) return document.error();
  return ParseRunResults(*document, path.string());
}

bool LowerIsBetter(const std::string& metric_key) {
  return metric_key == "chair_i" || metric_key == "chair_s" || metric_key == "parse_failures";
}

std::optional<Headline> HeadlineOf(const EntryResult& entry) {
  for (const char* key : {"accuracy", "acc@0.5", "auroc", "chair_i"}) {
    auto it = entry.metrics.find(key);
    if (it != entry.metrics.end()) return Headline{key, it->second, LowerIsBetter(key)};
  }
  return std::nullopt;
}

}  // namespace vleval
