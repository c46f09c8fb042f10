#include "model/openai/openai_settings.h"

#include <cstdlib>
#include <string_view>

#include "model/openai/endpoint_url.h"

namespace vleval::openai {
namespace {

Result<long long> ReadInteger(const BackendSettings& settings, const std::string& option, long long low,
                              long long high) {
  const std::string& text = settings.at(option);
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || value < low || value > high) {
    return Error{"--" + option + " must be an integer from " + std::to_string(low) + " to " +
                 std::to_string(high) + ", got '" + text + "'"};
  }
  return value;
}

Result<double> ReadSeconds(const BackendSettings& settings, const std::string& option) {
  const std::string& text = settings.at(option);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value > 0) || value > 86400) {
    return Error{"--" + option + " must be a number of seconds above 0 and at most 86400, got '" + text +
                 "'"};
  }
  return value;
}

}  // namespace

std::vector<BackendOptionSpec> OpenAiOptionSpecs() {
  return {
      {"endpoint", "the API root of an OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1", ""},
      {"model", "the served model's name (the request's \"model\")", ""},
      {"api-key-env", "environment variable holding the API key (sent as a bearer token; none if unset)",
       "OPENAI_API_KEY"},
      {"concurrency", "requests in flight at once (1 to 1024)", "8"},
      {"timeout", "seconds an attempt may take before it is retried", "300"},
      {"connect-timeout", "seconds to open a connection", "10"},
      {"max-attempts", "attempts per request, retries included (1 to 100)", "6"},
      {"top-logprobs",
       "alternatives asked for with the first generated token, for first-token probabilities "
       "(0 to 20; 0: never ask)",
       "20"},
      {"score-candidates",
       "candidate scoring: none, or completions (POST /completions with echo and logprobs; text only)",
       "none"},
  };
}

Result<OpenAiSettings> ReadOpenAiSettings(const BackendSettings& settings) {
  for (const auto& spec : OpenAiOptionSpecs()) {
    if (!settings.count(spec.name)) return Error{"backend openai: setting --" + spec.name + " missing"};
  }
  OpenAiSettings out;
  out.endpoint = settings.at("endpoint");
  out.model = settings.at("model");
  if (out.endpoint.empty()) return Error{"--endpoint is required for the openai backend"};
  if (out.endpoint.rfind("http://", 0) != 0 && out.endpoint.rfind("https://", 0) != 0)
    return Error{"--endpoint " + UrlWithoutCredentials(out.endpoint) +
                 ": expected an http:// or https:// URL"};
  if (out.model.empty()) return Error{"--model is required for the openai backend"};
  out.api_key_env = settings.at("api-key-env");
  auto concurrency = ReadInteger(settings, "concurrency", 1, 1024);
  if (!concurrency) return concurrency.error();
  out.concurrency = static_cast<int>(*concurrency);
  auto attempts = ReadInteger(settings, "max-attempts", 1, 100);
  if (!attempts) return attempts.error();
  out.max_attempts = static_cast<int>(*attempts);
  auto top = ReadInteger(settings, "top-logprobs", 0, 20);
  if (!top) return top.error();
  out.top_logprobs = static_cast<int>(*top);
  auto timeout = ReadSeconds(settings, "timeout");
  if (!timeout) return timeout.error();
  out.timeout_s = *timeout;
  auto connect = ReadSeconds(settings, "connect-timeout");
  if (!connect) return connect.error();
  out.connect_timeout_s = *connect;
  out.score_candidates = settings.at("score-candidates");
  if (out.score_candidates != "none" && out.score_candidates != "completions")
    return Error{"--score-candidates must be none or completions, got '" + out.score_candidates + "'"};
  return out;
}

BackendCapabilities OpenAiCapabilities(const OpenAiSettings& settings) {
  BackendCapabilities capabilities;
  capabilities.generate = true;
  capabilities.first_token_probabilities = settings.top_logprobs > 0;
  capabilities.score_candidates = settings.score_candidates == "completions";
  return capabilities;
}

nlohmann::json DescribeOpenAiRequests(const OpenAiSettings& settings) {
  nlohmann::json request = {{"endpoint", "chat/completions"},
                            {"temperature", 0},
                            {"max_tokens", "task"},
                            {"image", "data URL of the file's bytes"},
                            {"text", "task_text"}};
  if (settings.top_logprobs > 0) request["top_logprobs"] = settings.top_logprobs;
  return {{"backend", "openai"},
          {"endpoint", UrlWithoutCredentials(settings.endpoint)},
          {"model", settings.model},
          {"request", request},
          {"score_candidates", settings.score_candidates}};
}

nlohmann::json DescribeOpenAiTransport(const OpenAiSettings& settings) {
  return {{"endpoint", UrlWithoutCredentials(settings.endpoint)},
          {"model", settings.model},
          {"api_key_env", settings.api_key_env},
          {"concurrency", settings.concurrency},
          {"timeout_s", settings.timeout_s},
          {"connect_timeout_s", settings.connect_timeout_s},
          {"max_attempts", settings.max_attempts}};
}

std::string ApiKeyFromEnvironment(const OpenAiSettings& settings) {
  if (settings.api_key_env.empty()) return {};
  const char* value = std::getenv(settings.api_key_env.c_str());
  return value ? std::string(value) : std::string();
}

}  // namespace vleval::openai
