#include "harness/predictions_file.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/json_file.h"
#include "core/json_stream.h"
#include "core/sample_id.h"

namespace vleval {
namespace {

std::string Where(const std::filesystem::path& path, size_t line) {
  return path.string() + ":" + std::to_string(line) + ": ";
}

Status ReadInts(JsonValue& value, std::vector<int64_t>& out) {
  simdjson::ondemand::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return Error{DescribeJsonValue(value)};
  out.clear();
  for (auto item : array) {
    JsonValue element;
    int64_t number = 0;
    if (item.get(element) != simdjson::SUCCESS || element.get_int64().get(number) != simdjson::SUCCESS) {
      return Error{"an array holding a non-integer"};
    }
    out.push_back(number);
  }
  return {};
}

Status ReadDoubles(JsonValue& value, std::vector<double>& out) {
  simdjson::ondemand::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return Error{DescribeJsonValue(value)};
  out.clear();
  for (auto item : array) {
    JsonValue element;
    double number = 0;
    if (item.get(element) != simdjson::SUCCESS || element.get_double().get(number) != simdjson::SUCCESS) {
      return Error{"an array holding a non-number"};
    }
    out.push_back(number);
  }
  return {};
}

// An array of int32 values (token counts).
Status ReadCounts(JsonValue& value, std::vector<int>& out) {
  std::vector<int64_t> wide;
  if (Status read = ReadInts(value, wide); !read.ok()) return read;
  out.clear();
  for (const int64_t n : wide) {
    if (n < INT32_MIN || n > INT32_MAX) return Error{"an array holding an integer out of range"};
    out.push_back(static_cast<int>(n));
  }
  return {};
}

bool IsNull(JsonValue& value) {
  bool null = false;
  return value.is_null().get(null) == simdjson::SUCCESS && null;
}

// A prediction and the text of its id (core/sample_id.h). (clang-tidy sees
// nlohmann::json's destructor, which may allocate, inside the implicit one.)
// NOLINTNEXTLINE(bugprone-exception-escape)
struct ParsedPrediction {
  PredictionRecord record;
  std::string id;
};

// An id: a string, or an integer (kept as one, so records write it back as
// the file wrote it).
Status ReadId(JsonValue& value, ParsedPrediction& out) {
  simdjson::ondemand::json_type type;
  const bool text =
      value.type().get(type) == simdjson::SUCCESS && type == simdjson::ondemand::json_type::string;
  if (Status read = ReadJsonIdText(value, out.id); !read.ok()) return read;
  if (text) {
    out.record.id = out.id;
    return {};
  }
  std::int64_t number = 0;  // ReadJsonIdText wrote an int64 in decimal
  std::from_chars(out.id.data(), out.id.data() + out.id.size(), number);
  out.record.id = number;
  return {};
}

// One harness record. Problems are reported in a fixed order whatever the
// key order: the id, then "output", then the optional fields in the order
// of prediction_file.h.
Result<ParsedPrediction> ParseHarnessPrediction(JsonValue& record) {
  ParsedPrediction parsed;
  PredictionRecord& prediction = parsed.record;
  std::optional<std::string> id_error;
  bool has_id = false, has_output = false;
  std::string field_error;
  auto wrong_type = [&](const char* key, const std::string& got) {
    if (field_error.empty()) field_error = std::string("field \"") + key + "\" has the wrong type: " + got;
  };
  Status status = ForEachJsonMember(record, [&](std::string_view key, JsonValue& value) -> Result<bool> {
    if (key == "id") {
      has_id = true;
      if (Status read = ReadId(value, parsed); !read.ok()) {
        id_error = "id " + read.message();
        return false;
      }
      return true;
    }
    if (key == "output") {
      has_output = ReadJsonString(value, prediction.output).ok();
      return has_output;
    }
    if ((key == "prompt" || key == "token_ids" || key == "candidates_nll" || key == "candidates_tokens" ||
         key == "split_nll" || key == "split_tokens" || key == "prompt_positions" ||
         key == "padding_tokens" || key == "p_yes" || key == "p_unanswerable" || key == "attempts") &&
        IsNull(value)) {
      return true;
    }
    // The visitor returns true once it has read `value` (even when the value
    // read is out of range), false only when `value` is untouched (a scalar
    // of the wrong type): ForEachJsonMember then checks and skips it. A
    // failed array read may have consumed part of the array: it stops the
    // record at once.
    auto array = [&](const char* name, const Status& read) -> Result<bool> {
      if (read.ok()) return true;
      wrong_type(name, read.message());
      return Error{field_error};
    };
    auto small_int = [&](const char* name, std::optional<int>& out) {
      int64_t n = 0;
      if (!ReadJsonInt(value, n).ok()) {
        wrong_type(name, DescribeJsonValue(value));
        return false;
      }
      if (n >= INT32_MIN && n <= INT32_MAX) {
        out = static_cast<int>(n);
      } else {
        wrong_type(name, DescribeJsonValue(value));
      }
      return true;
    };
    auto probability = [&](const char* name, std::optional<double>& out) {
      double p = 0;
      if (!ReadJsonDouble(value, p).ok()) {
        wrong_type(name, DescribeJsonValue(value));
        return false;
      }
      out = p;
      return true;
    };
    if (key == "prompt") {
      if (ReadJsonString(value, prediction.prompt).ok()) return true;
      wrong_type("prompt", DescribeJsonValue(value));
      return false;
    }
    if (key == "token_ids") return array("token_ids", ReadInts(value, prediction.token_ids));
    if (key == "candidates_nll")
      return array("candidates_nll", ReadDoubles(value, prediction.candidates_nll));
    if (key == "candidates_tokens")
      return array("candidates_tokens", ReadCounts(value, prediction.choice_detail.tokens));
    if (key == "split_nll") return array("split_nll", ReadDoubles(value, prediction.choice_detail.split_nll));
    if (key == "split_tokens")
      return array("split_tokens", ReadCounts(value, prediction.choice_detail.split_tokens));
    if (key == "prompt_positions")
      return small_int("prompt_positions", prediction.choice_detail.prompt_positions);
    if (key == "padding_tokens") return small_int("padding_tokens", prediction.choice_detail.padding_tokens);
    if (key == "attempts") return small_int("attempts", prediction.attempts);
    if (key == "p_yes") return probability("p_yes", prediction.p_yes);
    if (key == "p_unanswerable") return probability("p_unanswerable", prediction.p_unanswerable);
    return false;  // other keys are ignored (the format is open to extension)
  });
  if (!status.ok()) {
    if (!field_error.empty() && has_id && !id_error) return Error{"sample " + parsed.id + ": " + field_error};
    return Error{status.message()};
  }
  if (!has_id) return Error{"missing \"id\""};
  if (id_error) return Error{*id_error};
  if (!has_output) return Error{"sample " + parsed.id + ": missing or non-string \"output\""};
  if (!field_error.empty()) return Error{"sample " + parsed.id + ": " + field_error};
  return parsed;
}

Result<ParsedPrediction> ParseAnswerEntry(JsonValue& entry) {
  ParsedPrediction parsed;
  PredictionRecord& prediction = parsed.record;
  bool has_id = false, has_answer = false;
  std::optional<std::string> id_error;
  Status status = ForEachJsonMember(entry, [&](std::string_view key, JsonValue& value) -> Result<bool> {
    if (key == "question_id") {
      has_id = true;
      if (Status read = ReadId(value, parsed); !read.ok()) {
        id_error = "id " + read.message();
        return false;
      }
      return true;
    }
    if (key == "answer") {
      has_answer = ReadJsonString(value, prediction.output).ok();
      return has_answer;
    }
    return false;
  });
  if (!status.ok()) return Error{status.message()};
  if (!has_id) return Error{"missing \"question_id\""};
  if (id_error) return Error{*id_error};
  if (!has_answer) return Error{"question " + parsed.id + ": missing or non-string \"answer\""};
  return parsed;
}

// Hands each prediction `parse` reads from the elements of a file to `each`;
// `line_offset` turns the stream's element index into the 1-based line
// (JSONL: 0, the index is the line) or entry (array: 1).
template <typename Parse>
JsonElementFn Deliver(const std::filesystem::path& path, Parse parse, const PredictionFn& each,
                      std::size_t line_offset) {
  return [&path, parse, &each, line_offset](JsonValue& element, std::size_t index,
                                            const JsonPosition&) -> Status {
    const std::size_t line = index + line_offset;
    auto prediction = parse(element);
    if (!prediction.ok()) return Error{Where(path, line) + prediction.error().message};
    return each(prediction->record, prediction->id, line);
  };
}

}  // namespace

Status StreamPredictionsJsonl(const std::filesystem::path& path, const PredictionFn& each) {
  return StreamJsonLines(path, Deliver(path, ParseHarnessPrediction, each, 0));
}

Status StreamMiniGptV2AnswerFile(const std::filesystem::path& path, const PredictionFn& each) {
  Status status = StreamJsonArray(path, Deliver(path, ParseAnswerEntry, each, 1));
  if (!status.ok() && status.message() == path.string() + ": expected a JSON array") {
    return Error{path.string() + ": expected a JSON array of answers"};
  }
  return status;
}

Status StreamPredictionsFile(const std::filesystem::path& path, const PredictionFn& each) {
  // A directory, FIFO or device is an error naming it (never a hang, never "no predictions").
  auto opened = OpenRegularFile(path);
  if (!opened) return opened.error();
  char c = 0;
  ssize_t got = 0;
  do {
    got = ::read(*opened, &c, 1);
  } while ((got == 1 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) || (got < 0 && errno == EINTR));
  ::close(*opened);
  if (got < 0) return Error{"cannot read " + path.string()};
  if (got == 1 && c == '[') return StreamMiniGptV2AnswerFile(path, each);
  return StreamPredictionsJsonl(path, each);
}

namespace {

// Collects a file's predictions, rejecting a second use of an id.
Result<PredictionsFile> Collect(const std::filesystem::path& path,
                                Status (*stream)(const std::filesystem::path&, const PredictionFn&)) {
  PredictionsFile file{path, {}, {}, {}};
  Status status =
      stream(path, [&](PredictionRecord& record, const std::string& id, std::size_t line) -> Status {
        const auto [it, added] = file.index_by_id.emplace(id, file.predictions.size());
        if (!added) {
          return Error{Where(path, line) + "duplicate id " + id + " (first on line " +
                       std::to_string(file.lines[it->second]) + ")"};
        }
        file.predictions.push_back(std::move(record));
        file.lines.push_back(line);
        return {};
      });
  if (!status.ok()) return Error{status.message()};
  return file;
}

}  // namespace

Result<PredictionsFile> ReadPredictionsJsonl(const std::filesystem::path& path) {
  return Collect(path, StreamPredictionsJsonl);
}

Result<PredictionsFile> ReadMiniGptV2AnswerFile(const std::filesystem::path& path) {
  return Collect(path, StreamMiniGptV2AnswerFile);
}

Result<PredictionsFile> ReadPredictionsFile(const std::filesystem::path& path) {
  return Collect(path, StreamPredictionsFile);
}

Result<std::vector<std::size_t>> StreamPredictionsToSamples(
    const std::filesystem::path& path, const std::vector<std::string_view>& sample_ids,
    const std::function<void(std::size_t, PredictionRecord&)>& attach) {
  std::vector<std::size_t> lines(sample_ids.size(), 0);
  // Files list their samples in task order as a rule: the position after the
  // last one found is tried first, the index is built on the first miss.
  std::unordered_map<std::string_view, std::size_t> index;
  std::size_t next = 0;
  Status status = StreamPredictionsFile(
      path, [&](PredictionRecord& record, const std::string& id, std::size_t line) -> Status {
        std::size_t position = next;
        if (position >= sample_ids.size() || sample_ids[position] != id) {
          if (index.empty()) {
            index.reserve(sample_ids.size());
            for (std::size_t i = 0; i < sample_ids.size(); ++i) index.emplace(sample_ids[i], i);
          }
          const auto it = index.find(id);
          if (it == index.end())
            return Error{Where(path, line) + "id " + id + " matches no sample of the task"};
          position = it->second;
        }
        if (lines[position] != 0) {
          return Error{Where(path, line) + "duplicate id " + id + " (first on line " +
                       std::to_string(lines[position]) + ")"};
        }
        lines[position] = line;
        next = position + 1;
        attach(position, record);
        return {};
      });
  if (!status.ok()) return Error{status.message()};
  return lines;
}

}  // namespace vleval
