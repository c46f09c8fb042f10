// `--backend openai`: a model behind an OpenAI-compatible server (vLLM,
// SGLang, LMDeploy, TGI, llama.cpp's server). Per generation request one
// POST {endpoint}/chat/completions: one user message with the image as a
// data: URL of the file's bytes and the task text (the server applies its
// own chat template), temperature 0, max_tokens from the task; first-token
// probabilities from the logprobs of the first generated token. Candidates
// are scored through POST {endpoint}/completions with echo and logprobs
// when --score-candidates completions asks for it (text only).
//
// Each call sends its whole batch, --concurrency requests at a time, and
// returns the answers in request order, so outputs do not depend on the
// concurrency or on the order answers arrive in.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/backend.h"
#include "model/openai/http_client.h"
#include "model/openai/openai_settings.h"

namespace vleval::openai {

class OpenAiBackend : public ModelBackend {
 public:
  // Connects nothing yet; errors: libcurl could not be set up.
  static Result<std::unique_ptr<OpenAiBackend>> Open(const OpenAiSettings& settings);

  // A request fails the call when its image has no file bytes, when its
  // last attempt failed (retries exhausted, a 4xx: the server's message),
  // when the answer is not an OpenAI response, or when first-token
  // probabilities were asked for and the answer has no logprobs. Messages
  // start with "request <index>: " and never hold the API key.
  Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) override;
  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) override;
  BackendCapabilities capabilities() const override { return OpenAiCapabilities(settings_); }
  // One batch keeps every connection busy.
  int preferred_batch_size() const override { return settings_.concurrency; }

  uint64_t attempts_made() const { return client_->attempts_made(); }

 private:
  OpenAiBackend(OpenAiSettings settings, std::unique_ptr<HttpClient> client)
      : settings_(std::move(settings)), client_(std::move(client)) {}

  OpenAiSettings settings_;
  std::unique_ptr<HttpClient> client_;
};

// The client options of `settings` (the API key read from its variable).
HttpClientOptions ClientOptions(const OpenAiSettings& settings);

// What the server says it serves under the settings' model name: GET
// {endpoint}/models and its entry with that id: {"id", "root" when the
// server gives it (vLLM: the weights' path or hub name)}; null when the
// server has no /models (404, 405). Errors: the server is unreachable
// (after retries), or lists models but not this one (naming those it
// lists).
Result<nlohmann::json> ServerModel(const OpenAiSettings& settings);

}  // namespace vleval::openai
