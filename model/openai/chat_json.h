// The JSON of the OpenAI-compatible API: request bodies built here, answers
// parsed here (strictly: depth limit, duplicate keys, every field checked;
// errors quote a short prefix only). Torch-free, network-free.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vleval::openai {

// One generation request: POST {endpoint}/chat/completions.
struct ChatCall {
  std::string model;
  std::string image_mime;        // "image/jpeg", "image/png"
  std::string_view image_bytes;  // the image file's bytes (borrowed)
  std::string text;              // the task text with its identifier
  int max_tokens = 20;
  int top_logprobs = 0;  // > 0: ask for logprobs with this many alternatives per token
};

// {"model", "messages": [{"role": "user", "content": [{"type": "image_url",
// "image_url": {"url": "data:<mime>;base64,..."}}, {"type": "text", "text"}]}],
// "temperature": 0, "max_tokens"[, "logprobs": true, "top_logprobs"]}.
std::string ChatCompletionBody(const ChatCall& call);

struct TokenLogprob {
  std::string token;
  double logprob = 0;  // natural log
};

struct ChatAnswer {
  std::string text;   // choices[0].message.content ("" when null)
  std::string model;  // the model name the server reported ("" when absent)
  // The first generated token and its alternatives (choices[0].logprobs
  // .content[0]), when the server returned logprobs.
  std::optional<TokenLogprob> first_token;
  std::vector<TokenLogprob> first_token_top;
};

// Errors: not JSON, no choices[0].message, a field of the wrong type.
Result<ChatAnswer> ParseChatCompletion(std::string_view body);

// The log-probability that the first generated token is the first token of
// `text` ("yes", "unanswerable"), as the native backend reports it: among the
// first token and its alternatives, those whose text, without leading blanks
// and SentencePiece / byte-level BPE word markers ("▁", "Ġ"), is a non-empty
// prefix of `text` (case-sensitive); the longest of them, the best logprob
// among equals. -infinity when none is (its probability is below all those
// returned). nullopt when the answer carries no logprobs at all.
std::optional<double> FirstTokenLogprob(const ChatAnswer& answer, std::string_view text);

// One candidate scoring request: POST {endpoint}/completions with the
// prompt followed by the candidate, echoed back with each token's logprob
// and nothing generated: {"model", "prompt", "echo": true, "logprobs": 0,
// "max_tokens": 0, "temperature": 0}.
std::string CompletionsEchoBody(const std::string& model, const std::string& prompt_and_candidate);

struct CandidateScore {
  double nll = 0;                  // -sum of the logprobs of the tokens starting at or after the offset
  int tokens = 0;                  // those tokens
  double first_token_logprob = 0;  // the logprob of the first of them
};

// Reads choices[0].logprobs.{tokens, token_logprobs, text_offset} of an
// echoed completion and scores the tokens starting at or after
// `candidate_offset` (bytes into the echoed prompt). Errors: malformed, the
// arrays of different lengths, a candidate token without a logprob, no
// token at or after the offset.
Result<CandidateScore> ParseCompletionsEchoScore(std::string_view body, std::size_t candidate_offset);

}  // namespace vleval::openai
