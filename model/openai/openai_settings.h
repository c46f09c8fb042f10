// The command-line settings of `--backend openai`, read and checked once:
// errors name the option. The API key is never a setting: the settings name
// the environment variable that holds it (--api-key-env).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/backend.h"
#include "model/backend_registry.h"

namespace vleval::openai {

struct OpenAiSettings {
  std::string endpoint;  // the API root, e.g. "http://127.0.0.1:8000/v1"
  std::string model;     // the served model's name, sent as "model"
  std::string api_key_env = "OPENAI_API_KEY";
  int concurrency = 8;            // requests in flight
  double timeout_s = 300;         // per attempt
  double connect_timeout_s = 10;  // per attempt
  int max_attempts = 6;           // per request, retries included
  // Alternatives asked for with the first generated token (first-token
  // probabilities, HM's p_yes); 0: logprobs are never asked for and the
  // backend lacks that capability.
  int top_logprobs = 20;
  // How candidates are scored: "none" (no capability) or "completions"
  // (POST {endpoint}/completions with echo and logprobs; text only, as that
  // endpoint carries no image).
  std::string score_candidates = "none";
};

// The options `--backend openai` declares (BackendEntry::options).
std::vector<BackendOptionSpec> OpenAiOptionSpecs();

// Reads and checks the settings (required: endpoint and model; numbers in
// range; a http:// or https:// endpoint).
Result<OpenAiSettings> ReadOpenAiSettings(const BackendSettings& settings);

BackendCapabilities OpenAiCapabilities(const OpenAiSettings& settings);

// The settings that change outputs, for the run description (results.json
// config.model): the endpoint without credentials, the model, the request
// fields (temperature 0, max_tokens from the task, logprobs), the candidate
// scoring mode. Transport settings (concurrency, timeouts, attempts) change
// no output and are left out, so results are the same whatever they are.
nlohmann::json DescribeOpenAiRequests(const OpenAiSettings& settings);

// The settings that change no output, for run.json: the endpoint without
// credentials, the model, the name of the key's variable (never its value),
// concurrency, timeouts and attempts.
nlohmann::json DescribeOpenAiTransport(const OpenAiSettings& settings);

// The API key from the environment variable the settings name; empty when
// it is unset.
std::string ApiKeyFromEnvironment(const OpenAiSettings& settings);

}  // namespace vleval::openai
