#include "harness/run/prediction_record.h"

#include <zlib.h>

#include <cstdio>

namespace vleval {
namespace {

constexpr std::string_view kCrcKey = ",\"crc32\":\"";
constexpr std::size_t kCrcSuffixLength = kCrcKey.size() + 8 + 2;  // key, 8 hex digits, `"}`

std::string CrcHex(std::string_view bytes) {
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()),
                          static_cast<uInt>(bytes.size()));
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08lx", static_cast<unsigned long>(crc));
  return hex;
}

}  // namespace

std::optional<double>* FirstTokenProbabilityField(PredictionRecord& record, const std::string& candidate) {
  if (candidate == "yes") return &record.p_yes;
  if (candidate == "unanswerable") return &record.p_unanswerable;
  return nullptr;
}

std::string FormatRecordLine(const PredictionRecord& record) {
  using nlohmann::json;
  std::string body =
      "{\"id\":" + record.id.dump() + ",\"prompt\":" + json(record.prompt).dump() +
      ",\"output\":" + json(record.output).dump(-1, ' ', false, json::error_handler_t::replace);
  if (!record.token_ids.empty()) body += ",\"token_ids\":" + json(record.token_ids).dump();
  if (!record.candidates_nll.empty()) body += ",\"candidates_nll\":" + json(record.candidates_nll).dump();
  const ChoiceScoringDetail& detail = record.choice_detail;
  if (!detail.tokens.empty()) body += ",\"candidates_tokens\":" + json(detail.tokens).dump();
  if (!detail.split_nll.empty()) body += ",\"split_nll\":" + json(detail.split_nll).dump();
  if (!detail.split_tokens.empty()) body += ",\"split_tokens\":" + json(detail.split_tokens).dump();
  if (detail.prompt_positions) body += ",\"prompt_positions\":" + std::to_string(*detail.prompt_positions);
  if (detail.padding_tokens) body += ",\"padding_tokens\":" + std::to_string(*detail.padding_tokens);
  if (record.p_yes) body += ",\"p_yes\":" + json(*record.p_yes).dump();
  if (record.p_unanswerable) body += ",\"p_unanswerable\":" + json(*record.p_unanswerable).dump();
  if (record.attempts) body += ",\"attempts\":" + std::to_string(*record.attempts);
  if (record.image_truncated) body += ",\"image_truncated\":true";
  const std::string crc = CrcHex(body + "}");
  return body + std::string(kCrcKey) + crc + "\"}";
}

Result<PredictionRecord> ParseRecordLine(std::string_view line) {
  if (line.size() < kCrcSuffixLength ||
      line.substr(line.size() - kCrcSuffixLength, kCrcKey.size()) != kCrcKey ||
      line.substr(line.size() - 2) != "\"}") {
    return Error{"no crc32 field at the end of the line (torn or foreign record)"};
  }
  const std::string body = std::string(line.substr(0, line.size() - kCrcSuffixLength)) + "}";
  const std::string_view stored = line.substr(line.size() - 10, 8);
  if (CrcHex(body) != stored) return Error{"crc32 mismatch (the line was altered or torn)"};
  try {
    const auto json = nlohmann::json::parse(body);
    PredictionRecord record;
    record.id = json.at("id");
    if (!record.id.is_string() && !record.id.is_number_integer())
      return Error{"'id' must be a string or integer"};
    record.prompt = json.at("prompt").get<std::string>();
    record.output = json.at("output").get<std::string>();
    if (json.contains("token_ids")) record.token_ids = json["token_ids"].get<std::vector<int64_t>>();
    if (json.contains("candidates_nll"))
      record.candidates_nll = json["candidates_nll"].get<std::vector<double>>();
    ChoiceScoringDetail& detail = record.choice_detail;
    if (json.contains("candidates_tokens")) detail.tokens = json["candidates_tokens"].get<std::vector<int>>();
    if (json.contains("split_nll")) detail.split_nll = json["split_nll"].get<std::vector<double>>();
    if (json.contains("split_tokens")) detail.split_tokens = json["split_tokens"].get<std::vector<int>>();
    if (json.contains("prompt_positions")) detail.prompt_positions = json["prompt_positions"].get<int>();
    if (json.contains("padding_tokens")) detail.padding_tokens = json["padding_tokens"].get<int>();
    if (json.contains("p_yes")) record.p_yes = json["p_yes"].get<double>();
    if (json.contains("p_unanswerable")) record.p_unanswerable = json["p_unanswerable"].get<double>();
    if (json.contains("attempts")) record.attempts = json["attempts"].get<int>();
    if (json.contains("image_truncated")) record.image_truncated = json["image_truncated"].get<bool>();
    return record;
  } catch (const nlohmann::json::exception& error) {
    return Error{std::string("bad record: ") + error.what()};
  }
}

}  // namespace vleval
