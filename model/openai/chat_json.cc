#include "model/openai/chat_json.h"

#include <limits>

#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "model/openai/base64.h"

namespace vleval::openai {
namespace {

using nlohmann::json;

// obj[key] when obj is an object holding key, else nullptr.
const json* Field(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Error Bad(std::string_view what, const json* value = nullptr) {
  std::string message = "the server's answer is not an OpenAI response: " + std::string(what);
  if (value) message += " (got " + JsonPreview(*value) + ")";
  return Error{message};
}

Result<TokenLogprob> ReadTokenLogprob(const json& entry) {
  const json* token = Field(entry, "token");
  const json* logprob = Field(entry, "logprob");
  if (!token || !token->is_string()) return Bad("a logprobs entry without a string \"token\"", &entry);
  if (!logprob || !logprob->is_number()) return Bad("a logprobs entry without a numeric \"logprob\"", &entry);
  return TokenLogprob{token->get<std::string>(), logprob->get<double>()};
}

// `token` without leading blanks and word markers.
std::string_view Bare(std::string_view token) {
  while (true) {
    if (!token.empty() && (token.front() == ' ' || token.front() == '\t' || token.front() == '\n')) {
      token.remove_prefix(1);
    } else if (token.substr(0, 3) == "\xE2\x96\x81") {  // U+2581 (SentencePiece)
      token.remove_prefix(3);
    } else if (token.substr(0, 2) == "\xC4\xA0") {  // U+0120 (byte-level BPE)
      token.remove_prefix(2);
    } else {
      return token;
    }
  }
}

Result<json> ParseBody(std::string_view body) {
  auto parsed = ParseStrictJson(body, "the server's answer");
  if (!parsed) return parsed.error();
  if (!parsed->is_object()) return Bad("not a JSON object", &*parsed);
  return parsed;
}

}  // namespace

std::string ChatCompletionBody(const ChatCall& call) {
  // Written out rather than built as a json value: the image's base64 text
  // (most of the body) needs no escaping, and copying and scanning it
  // through nlohmann cost a millisecond per 64 KiB image.
  auto quoted = [](std::string_view text) {
    return json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
  };
  std::string body =
      "{\"model\":" + quoted(call.model) +
      ",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":";
  const std::string mime = quoted(call.image_mime);
  body += "\"data:" + mime.substr(1, mime.size() - 2) + ";base64,";
  body += Base64Encode(call.image_bytes);
  body += "\"}},{\"type\":\"text\",\"text\":" + quoted(call.text) +
          "}]}],\"temperature\":0,\"max_tokens\":" + std::to_string(call.max_tokens);
  if (call.top_logprobs > 0)
    body += ",\"logprobs\":true,\"top_logprobs\":" + std::to_string(call.top_logprobs);
  body += "}";
  return body;
}

Result<ChatAnswer> ParseChatCompletion(std::string_view body) {
  auto parsed = ParseBody(body);
  if (!parsed) return parsed.error();
  ChatAnswer answer;
  if (const json* model = Field(*parsed, "model"); model && model->is_string())
    answer.model = model->get<std::string>();
  const json* choices = Field(*parsed, "choices");
  if (!choices || !choices->is_array() || choices->empty()) return Bad("no \"choices\"", choices);
  const json& choice = choices->front();
  const json* message = Field(choice, "message");
  if (!message || !message->is_object()) return Bad("choices[0] has no \"message\" object", message);
  const json* content = Field(*message, "content");
  if (content && content->is_string()) {
    answer.text = content->get<std::string>();
  } else if (content && !content->is_null()) {
    return Bad("choices[0].message.content is not a string", content);
  }
  const json* logprobs = Field(choice, "logprobs");
  if (logprobs && !logprobs->is_null()) {
    const json* tokens = Field(*logprobs, "content");
    if (!tokens || !(tokens->is_array() || tokens->is_null()))
      return Bad("choices[0].logprobs.content is not an array", tokens);
    if (tokens->is_array() && !tokens->empty()) {
      const json& first = tokens->front();
      auto token = ReadTokenLogprob(first);
      if (!token) return token.error();
      answer.first_token = std::move(*token);
      if (const json* top = Field(first, "top_logprobs"); top && !top->is_null()) {
        if (!top->is_array()) return Bad("top_logprobs is not an array", top);
        for (const json& entry : *top) {
          auto alternative = ReadTokenLogprob(entry);
          if (!alternative) return alternative.error();
          answer.first_token_top.push_back(std::move(*alternative));
        }
      }
    }
  }
  return answer;
}

std::optional<double> FirstTokenLogprob(const ChatAnswer& answer, std::string_view text) {
  if (!answer.first_token) return std::nullopt;
  double best = -std::numeric_limits<double>::infinity();
  std::size_t best_length = 0;
  auto consider = [&](const TokenLogprob& candidate) {
    const std::string_view bare = Bare(candidate.token);
    if (bare.empty() || text.substr(0, bare.size()) != bare) return;
    if (bare.size() > best_length || (bare.size() == best_length && candidate.logprob > best)) {
      best_length = bare.size();
      best = candidate.logprob;
    }
  };
  consider(*answer.first_token);
  for (const auto& alternative : answer.first_token_top) consider(alternative);
  return best;
}

std::string CompletionsEchoBody(const std::string& model, const std::string& prompt_and_candidate) {
  const json body = {{"model", model},  {"prompt", prompt_and_candidate},
                     {"echo", true},    {"logprobs", 0},
                     {"max_tokens", 0}, {"temperature", 0}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<CandidateScore> ParseCompletionsEchoScore(std::string_view body, std::size_t candidate_offset) {
  auto parsed = ParseBody(body);
  if (!parsed) return parsed.error();
  const json* choices = Field(*parsed, "choices");
  if (!choices || !choices->is_array() || choices->empty()) return Bad("no \"choices\"", choices);
  const json* logprobs = Field(choices->front(), "logprobs");
  if (!logprobs || !logprobs->is_object())
    return Bad("choices[0] has no \"logprobs\" (does the server support echo with logprobs?)", logprobs);
  const json* values = Field(*logprobs, "token_logprobs");
  const json* offsets = Field(*logprobs, "text_offset");
  if (!values || !values->is_array()) return Bad("no logprobs.token_logprobs array", values);
  if (!offsets || !offsets->is_array()) return Bad("no logprobs.text_offset array", offsets);
  if (values->size() != offsets->size()) return Bad("token_logprobs and text_offset differ in length");
  CandidateScore score;
  for (std::size_t i = 0; i < values->size(); ++i) {
    const auto offset = JsonInt64((*offsets)[i]);
    if (!offset || *offset < 0) return Bad("a text_offset is not a non-negative integer", &(*offsets)[i]);
    if (static_cast<std::size_t>(*offset) < candidate_offset) continue;
    if (!(*values)[i].is_number()) return Bad("a candidate token has no logprob", &(*values)[i]);
    const double logprob = (*values)[i].get<double>();
    if (score.tokens == 0) score.first_token_logprob = logprob;
    score.nll -= logprob;
    ++score.tokens;
  }
  if (score.tokens == 0) return Bad("no echoed token covers the candidate");
  return score;
}

}  // namespace vleval::openai
