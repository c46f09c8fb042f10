#include "model/minigptv2_entry.h"

#include <utility>
#include <vector>

#include "model/minigptv2_backend.h"
#include "model/minigptv2_plugin.h"

namespace vleval {
namespace {

std::string Setting(const BackendSettings& settings, const std::string& key) {
  const auto it = settings.find(key);
  return it == settings.end() ? std::string() : it->second;
}

// The options as the engine takes them; errors name the options at fault.
Result<MiniGptV2BackendOptions> OptionsOf(const BackendSettings& settings) {
  MiniGptV2BackendOptions options;
  options.llama_dir = Setting(settings, "llama");
  options.vit_path = Setting(settings, "vit");
  options.checkpoint_path = Setting(settings, "checkpoint");
  options.converted_path = Setting(settings, "converted");
  options.model_config = Setting(settings, kModelConfigSetting);
  options.device = Setting(settings, "device");
  if (options.device.empty()) options.device = "cpu";
  options.dtype = Setting(settings, "dtype");
  if (options.dtype.empty()) options.dtype = DefaultDtype(options.device);
  if (!options.converted_path.empty() &&
      (!options.llama_dir.empty() || !options.vit_path.empty() || !options.checkpoint_path.empty()))
    return Error{"--converted replaces --llama, --vit and --checkpoint: give it alone"};
  if (options.converted_path.empty()) {
    for (const auto& [option, path] :
         {std::pair{"llama", options.llama_dir}, std::pair{"vit", options.vit_path},
          std::pair{"checkpoint", options.checkpoint_path}}) {
      if (path.empty()) return Error{"--" + std::string(option) + " is required for the minigptv2 backend"};
    }
  }
  return options;
}

Result<nlohmann::json> Describe(const BackendSettings& settings, const DigestCache& cache) {
  auto options = OptionsOf(settings);
  if (!options) return options.error();
  std::vector<std::pair<std::string, std::filesystem::path>> inputs = {
      {"llama", options->llama_dir}, {"vit", options->vit_path}, {"checkpoint", options->checkpoint_path}};
  if (!options->converted_path.empty()) {
    // A converted file carries its tokenizer beside it, named as
    // model/weights/converted_minigptv2.h does: <file stem>.tokenizer.model.
    inputs = {{"converted", options->converted_path},
              {"converted-tokenizer",
               std::filesystem::path(options->converted_path).replace_extension(".tokenizer.model")}};
  }
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [option, path] : inputs) {
    auto described = DescribeInputFile(option, path, cache);
    if (!described) return described.error();
    files[option] = *described;
  }
  if (!options->model_config.empty()) {
    auto described = DescribeInputFile(kModelConfigSetting, options->model_config, cache);
    if (!described) return described.error();
    files["model_config"] = *described;
  }
  return nlohmann::json{{"files", files}, {"device", options->device}, {"dtype", options->dtype}};
}

Result<std::unique_ptr<ModelBackend>> Open(const BackendSettings& settings) {
  auto options = OptionsOf(settings);
  if (!options) return options.error();
  auto plugin = LoadMiniGptV2Plugin();
  if (!plugin) return plugin.error();
  return (*plugin)->open(*options);
}

Result<nlohmann::json> Runtime() {
  auto plugin = LoadMiniGptV2Plugin();
  if (!plugin) return plugin.error();
  return nlohmann::json{{"torch", (*plugin)->torch_runtime()}};
}

Result<nlohmann::json> Convert(const BackendSettings& settings, const std::filesystem::path& out) {
  auto options = OptionsOf(settings);
  if (!options) return options.error();
  if (!options->converted_path.empty())
    return Error{"convert reads --llama, --vit and --checkpoint, not --converted"};
  auto plugin = LoadMiniGptV2Plugin();
  if (!plugin) return plugin.error();
  if (auto status = (*plugin)->convert(options->llama_dir, options->vit_path, options->checkpoint_path, out);
      !status)
    return Error{status.message()};
  std::error_code error;
  const auto bytes = std::filesystem::file_size(out, error);
  return nlohmann::json{{"bytes", error ? 0 : bytes}};
}

}  // namespace

BackendEntry MiniGptV2BackendEntry() {
  BackendEntry entry;
  entry.summary = "MiniGPT-v2 in libtorch, from the official files or a `vleval convert` file";
  entry.options = {
      {"llama", "Llama-2-7b-chat-hf folder (config.json, tokenizer.model, weights)", ""},
      {"vit", "eva_vit_g.pth", ""},
      {"checkpoint", "MiniGPT-v2 checkpoint (.pth)", ""},
      {"converted", "a `vleval convert` file, instead of --llama/--vit/--checkpoint", ""},
      {"device", "cpu | cuda | cuda:N", "cpu"},
      {"dtype", "float16 (the CUDA default: the official precision), bfloat16, or float32 (the CPU default)",
       ""},
  };
  entry.describe = Describe;
  entry.capabilities = [](const BackendSettings&) -> Result<BackendCapabilities> {
    return BackendCapabilities{true, true, true};
  };
  entry.open = Open;
  entry.runtime = Runtime;
  entry.convert = Convert;
  return entry;
}

}  // namespace vleval
