#include "reports/run_folder.h"

#include "core/json_stream.h"

namespace vleval {
namespace {

// Calls `read(line_value)` for each non-blank line of `path` (streamed with
// simdjson, core/json_stream.h); nullopt when the file does not exist.
// `read` returns the record or an error naming the key; errors name the file
// and 1-based line.
template <typename Record, typename Reader>
Result<std::optional<std::vector<Record>>> ReadRecords(const std::filesystem::path& path, Reader read) {
  if (!std::filesystem::exists(path)) return std::optional<std::vector<Record>>();
  std::vector<Record> records;
  Status status =
      StreamJsonLines(path, [&](JsonValue& value, std::size_t line, const JsonPosition&) -> Status {
        Result<Record> record = read(value);
        if (!record) return Error{path.string() + ":" + std::to_string(line) + ": " + record.error().message};
        records.push_back(std::move(*record));
        return {};
      });
  if (!status.ok()) return Error{status.message()};
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
  return ReadRecords<SampleOutcome>(
      dir_ / "per_sample" / (entry + ".jsonl"), [](JsonValue& value) -> Result<SampleOutcome> {
        SampleOutcome outcome;
        bool has_id = false, has_score = false;
        Status status =
            ForEachJsonMember(value, [&](std::string_view key, JsonValue& member) -> Result<bool> {
              Status read;
              if (key == "id") {
                has_id = true;
                read = ReadJsonIdText(member, outcome.id);
              } else if (key == "score") {
                has_score = true;
                read = ReadJsonDouble(member, outcome.score);
              } else if (key == "reference") {
                read = ReadJsonString(member, outcome.reference);
              } else {
                return false;
              }
              if (!read.ok()) return Error{"'" + std::string(key) + "' " + read.message()};
              return true;
            });
        if (status.ok() && !has_id) status = Error{"'id' is missing"};
        if (status.ok() && !has_score) status = Error{"'score' is missing"};
        if (!status.ok()) return Error{status.message()};
        return outcome;
      });
}

Result<std::optional<std::vector<SamplePrediction>>> RunFolder::Predictions(const std::string& entry) const {
  return ReadRecords<SamplePrediction>(
      dir_ / "predictions" / (entry + ".jsonl"), [](JsonValue& value) -> Result<SamplePrediction> {
        SamplePrediction prediction;
        bool has_id = false, has_output = false;
        Status status =
            ForEachJsonMember(value, [&](std::string_view key, JsonValue& member) -> Result<bool> {
              Status read;
              if (key == "id") {
                has_id = true;
                read = ReadJsonIdText(member, prediction.id);
              } else if (key == "output") {
                has_output = true;
                read = ReadJsonString(member, prediction.output);
              } else if (key == "prompt") {
                read = ReadJsonString(member, prediction.prompt);
              } else {
                return false;
              }
              if (!read.ok()) return Error{"'" + std::string(key) + "' " + read.message()};
              return true;
            });
        if (status.ok() && !has_id) status = Error{"'id' is missing"};
        if (status.ok() && !has_output) status = Error{"'output' is missing"};
        if (!status.ok()) return Error{status.message()};
        return prediction;
      });
}

}  // namespace vleval
