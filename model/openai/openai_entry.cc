#include "model/openai/openai_entry.h"

#include "model/openai/openai_backend.h"
#include "model/openai/openai_settings.h"

namespace vleval {

BackendEntry OpenAiBackendEntry() {
  BackendEntry entry;
  entry.model_config = "openai-chat";  // the server applies its own template
  entry.summary = "a model behind an OpenAI-compatible server (vLLM, SGLang, LMDeploy, TGI, llama.cpp)";
  entry.options = openai::OpenAiOptionSpecs();
  entry.describe = [](const BackendSettings& given, const DigestCache&) -> Result<nlohmann::json> {
    auto settings = openai::ReadOpenAiSettings(given);
    if (!settings) return settings.error();
    auto server_model = openai::ServerModel(*settings);
    if (!server_model) return server_model.error();
    nlohmann::json description = openai::DescribeOpenAiRequests(*settings);
    description["server_model"] = std::move(*server_model);
    return description;
  };
  entry.run_settings = [](const BackendSettings& given) -> Result<nlohmann::json> {
    auto settings = openai::ReadOpenAiSettings(given);
    if (!settings) return settings.error();
    auto server_model = openai::ServerModel(*settings);
    if (!server_model) return server_model.error();
    nlohmann::json recorded = openai::DescribeOpenAiTransport(*settings);
    recorded["server_model"] = std::move(*server_model);
    return recorded;
  };
  entry.capabilities = [](const BackendSettings& given) -> Result<BackendCapabilities> {
    auto settings = openai::ReadOpenAiSettings(given);
    if (!settings) return settings.error();
    return openai::OpenAiCapabilities(*settings);
  };
  entry.open = [](const BackendSettings& given) -> Result<std::unique_ptr<ModelBackend>> {
    auto settings = openai::ReadOpenAiSettings(given);
    if (!settings) return settings.error();
    auto backend = openai::OpenAiBackend::Open(*settings);
    if (!backend) return backend.error();
    return std::unique_ptr<ModelBackend>(std::move(*backend));
  };
  return entry;
}

}  // namespace vleval
