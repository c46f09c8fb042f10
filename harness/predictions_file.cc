#include "harness/predictions_file.h"

#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_file.h"

namespace vleval {
namespace {

using nlohmann::json;

std::string Where(const std::filesystem::path& path, size_t line) {
  return path.string() + ":" + std::to_string(line) + ": ";
}

Result<std::string> IdText(const json& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return id.dump();
  return Error{"id must be an integer or a string, got " + id.dump()};
}

// Reads `key` into `out` when present; a wrong type is an error.
template <typename T>
Status ReadOptional(const json& object, const char* key, T& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  try {
    out = it->get<T>();
  } catch (const json::exception&) {
    return Error{std::string("field \"") + key + "\" has the wrong type: " + it->dump()};
  }
  return {};
}

template <typename T>
Status ReadOptional(const json& object, const char* key, std::optional<T>& out) {
  if (!object.contains(key) || object.at(key).is_null()) return {};
  T value{};
  if (Status status = ReadOptional(object, key, value); !status.ok()) return status;
  out = value;
  return {};
}

Result<Prediction> ParseHarnessPrediction(const json& object) {
  if (!object.is_object()) return Error{"expected a JSON object"};
  Prediction prediction;
  const auto id = object.find("id");
  if (id == object.end()) return Error{"missing \"id\""};
  auto id_text = IdText(*id);
  if (!id_text.ok()) return id_text.error();
  prediction.id = *id_text;
  const auto output = object.find("output");
  if (output == object.end() || !output->is_string()) {
    return Error{"sample " + prediction.id + ": missing or non-string \"output\""};
  }
  prediction.output = output->get<std::string>();
  for (const Status& status :
       {ReadOptional(object, "prompt", prediction.prompt),
        ReadOptional(object, "token_ids", prediction.token_ids),
        ReadOptional(object, "candidates_nll", prediction.candidates_nll),
        ReadOptional(object, "candidates_tokens", prediction.choice_detail.tokens),
        ReadOptional(object, "split_nll", prediction.choice_detail.split_nll),
        ReadOptional(object, "split_tokens", prediction.choice_detail.split_tokens),
        ReadOptional(object, "prompt_positions", prediction.choice_detail.prompt_positions),
        ReadOptional(object, "padding_tokens", prediction.choice_detail.padding_tokens),
        ReadOptional(object, "p_yes", prediction.p_yes),
        ReadOptional(object, "p_unanswerable", prediction.p_unanswerable),
        ReadOptional(object, "attempts", prediction.attempts)}) {
    if (!status.ok()) return Error{"sample " + prediction.id + ": " + status.message()};
  }
  return prediction;
}

Result<Prediction> ParseAnswerEntry(const json& object) {
  if (!object.is_object()) return Error{"expected a JSON object"};
  const auto id = object.find("question_id");
  if (id == object.end()) return Error{"missing \"question_id\""};
  auto id_text = IdText(*id);
  if (!id_text.ok()) return id_text.error();
  const auto answer = object.find("answer");
  if (answer == object.end() || !answer->is_string()) {
    return Error{"question " + *id_text + ": missing or non-string \"answer\""};
  }
  Prediction prediction;
  prediction.id = *id_text;
  prediction.output = answer->get<std::string>();
  return prediction;
}

// Appends `prediction`, rejecting a second use of its id.
Status Add(PredictionsFile& file, Prediction prediction) {
  const auto [it, added] = file.index_by_id.emplace(prediction.id, file.predictions.size());
  if (!added) {
    return Error{Where(file.path, prediction.line) + "duplicate id " + prediction.id + " (first on line " +
                 std::to_string(file.predictions[it->second].line) + ")"};
  }
  file.predictions.push_back(std::move(prediction));
  return {};
}

}  // namespace

Result<PredictionsFile> ReadPredictionsJsonl(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  if (!text.ok()) return text.error();
  PredictionsFile file{path, {}, {}};
  std::string_view rest = *text;
  for (size_t line_number = 1; !rest.empty(); ++line_number) {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded()) return Error{Where(path, line_number) + "not valid JSON"};
    auto prediction = ParseHarnessPrediction(object);
    if (!prediction.ok()) return Error{Where(path, line_number) + prediction.error().message};
    prediction->line = line_number;
    if (Status status = Add(file, std::move(*prediction)); !status.ok()) {
      return Error{status.message()};
    }
  }
  return file;
}

Result<PredictionsFile> ReadMiniGptV2AnswerFile(const std::filesystem::path& path) {
  auto array = ReadJsonFile(path);
  if (!array.ok()) return array.error();
  if (!array->is_array()) return Error{path.string() + ": expected a JSON array of answers"};
  PredictionsFile file{path, {}, {}};
  for (size_t i = 0; i < array->size(); ++i) {
    auto prediction = ParseAnswerEntry((*array)[i]);
    if (!prediction.ok()) return Error{Where(path, i + 1) + prediction.error().message};
    prediction->line = i + 1;
    if (Status status = Add(file, std::move(*prediction)); !status.ok()) {
      return Error{status.message()};
    }
  }
  return file;
}

Result<PredictionsFile> ReadPredictionsFile(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  if (!text.ok()) return text.error();
  const size_t first = text->find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (*text)[first] == '[') return ReadMiniGptV2AnswerFile(path);
  return ReadPredictionsJsonl(path);
}

Result<std::vector<const Prediction*>> MatchPredictions(const PredictionsFile& file,
                                                        const std::vector<std::string>& sample_ids) {
  const std::set<std::string> known(sample_ids.begin(), sample_ids.end());
  for (const Prediction& prediction : file.predictions) {
    if (!known.count(prediction.id)) {
      return Error{Where(file.path, prediction.line) + "id " + prediction.id +
                   " matches no sample of the task"};
    }
  }
  std::vector<const Prediction*> matched;
  matched.reserve(sample_ids.size());
  for (const std::string& id : sample_ids) {
    const auto it = file.index_by_id.find(id);
    matched.push_back(it == file.index_by_id.end() ? nullptr : &file.predictions[it->second]);
  }
  return matched;
}

}  // namespace vleval
