#include "reports/run_folder.h"

#include <fstream>

namespace vleval {
namespace {

using nlohmann::json;

// Calls `read(line_json)` for each non-empty line of `path`; nullopt-able by
// existence. Errors name the file and 1-based line.
template <typename Record, typename Reader>
Result<std::optional<std::vector<Record>>> ReadJsonLines(const std::filesystem::path& path, Reader read) {
  if (!std::filesystem::exists(path)) return std::optional<std::vector<Record>>();
  std::ifstream in(path);
  if (!in) return Error{path.string() + ": cannot open"};
  std::vector<Record> records;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      records.push_back(read(json::parse(line)));
    } catch (const json::exception& e) {
      return Error{path.string() + ":" + std::to_string(number) + ": " + e.what()};
    }
  }
  return std::optional<std::vector<Record>>(std::move(records));
}

}  // namespace

Result<RunFolder> RunFolder::Open(const std::filesystem::path& dir) {
  auto results = LoadRunResults(dir / "results.json");
  if (!results) return results.error();
  RunFolder folder;
  folder.dir_ = dir;
  folder.results_ = std::move(*results);
  return folder;
}

Result<std::optional<std::vector<SampleOutcome>>> RunFolder::PerSample(const std::string& entry) const {
  return ReadJsonLines<SampleOutcome>(dir_ / "per_sample" / (entry + ".jsonl"), [](const json& j) {
    return SampleOutcome{SampleIdText(j.at("id")), j.at("score").get<double>(), j.value("reference", "")};
  });
}

Result<std::optional<std::vector<SamplePrediction>>> RunFolder::Predictions(const std::string& entry) const {
  return ReadJsonLines<SamplePrediction>(dir_ / "predictions" / (entry + ".jsonl"), [](const json& j) {
    return SamplePrediction{SampleIdText(j.at("id")), j.value("prompt", ""),
                            j.at("output").get<std::string>()};
  });
}

}  // namespace vleval
