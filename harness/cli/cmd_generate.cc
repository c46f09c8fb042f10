// `vleval generate`: one backend on one image and one prompt (data_layout.md).
// Opens the backend named by --backend (default: MiniGPT-v2 from the files
// as shipped), hands it the image as read from the file, decodes greedily
// and prints {"text", "token_ids", "prompt_token_ids"} as one JSON line.
#include <iostream>

#include <nlohmann/json.hpp>

#include "benchmarks/model_profile.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "model/backend_registry.h"
#include "model/image_input.h"

namespace vleval::cli {
namespace {

// LLaMA-2's context length: no prompt leaves room for more.
constexpr int kMaxNewTokens = 4096;

// A prompt that already places the image is used as given; a bare question
// goes into the model config's chat template (MiniGPT-v2's: "<s>[INST]
// <Img><ImageHere></Img> {} [/INST]", minigptv2_protocol.md §1.5).
std::string FullPrompt(const ModelProfile& model, const std::string& prompt) {
  const std::string& placeholder = model.special_tokens.image_placeholder;
  if (!placeholder.empty() && prompt.find(placeholder) != std::string::npos) return prompt;
  return model.Wrap(prompt);
}

// The --model-config file, else the backend's (BackendEntry::model_config)
// in the configs folder.
Result<ModelProfile> GenerateModelProfile(const BackendEntry& entry, const std::string& model_config) {
  if (!model_config.empty()) return LoadModelProfile(model_config);
  auto config_dir = FindConfigDir();
  if (!config_dir) return config_dir.error();
  return LoadModelProfile(*config_dir / "models" / (entry.model_config + ".json"));
}

BackendList GenerateBackends() {
  BackendList list;
  for (const std::string& name : Backends().Names()) list.emplace_back(name, *Backends().Find(name));
  return list;
}

int Generate(const BackendEntry& entry, const BackendSettings& settings, const ModelProfile& model,
             const std::string& image_path, const std::string& prompt, int max_new_tokens) {
  auto backend = entry.open(settings);
  if (!backend) return CommandFailure("generate", backend.error().message);
  auto image = ReadImageInput(image_path);
  if (!image) return CommandFailure("generate", image.error().message);
  const GenerateRequest request{&*image, prompt, FullPrompt(model, prompt), max_new_tokens};
  auto results = (*backend)->Generate(std::span(&request, 1));
  if (!results) return CommandFailure("generate", results.error().message);
  const GenerateResult& result = results->front();
  nlohmann::json out = {
      {"text", result.text}, {"token_ids", result.token_ids}, {"prompt_token_ids", result.prompt_token_ids}};
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kExitOk;
}

}  // namespace

Command GenerateCommand() {
  return {"generate", "run a model backend on one image and prompt",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval generate options");
            std::string model_config, image_path, prompt;
            int max_new_tokens = 20;
            const BackendList backends = GenerateBackends();
            options.add_options()(
                "model-config", po::value(&model_config),
                "the model config (configs/models/*.json; default: the backend's, minigptv2-7b.json)")(
                "image", po::value(&image_path)->required(), "input image (JPEG or PNG)")(
                "prompt", po::value(&prompt)->required(),
                "a question (put in the model config's chat template; MiniGPT-v2's: '<s>[INST] "
                "<Img><ImageHere></Img> TEXT [/INST]'), or a full prompt holding <ImageHere>")(
                "max-new-tokens", po::value(&max_new_tokens)->default_value(max_new_tokens),
                "most tokens generated");
            options.add(BackendOptionsGroup(backends, true));
            po::variables_map values;
            if (auto stop = ParseCommandOptions("generate",
                                                "vleval generate [--backend NAME] (--llama DIR --vit FILE "
                                                "--checkpoint FILE | --converted FILE) [--model-config FILE] "
                                                "--image FILE --prompt TEXT [--max-new-tokens N] [--device "
                                                "cpu|cuda] [--dtype T]",
                                                options, {}, args, values, std::cout, std::cerr))
              return *stop;
            if (auto bad = CheckRange("generate", "max-new-tokens", max_new_tokens, 1, kMaxNewTokens,
                                      "LLaMA-2's context is 4096 tokens")) {
              return *bad;
            }
            const std::string name =
                values.count("backend") ? values["backend"].as<std::string>() : DefaultBackendName();
            auto entry = Backends().Find(name);
            if (!entry) {
              std::cerr << "vleval generate: --backend: " << entry.error().message << "\n";
              return kExitUsage;
            }
            auto settings = BackendSettingsFor(name, **entry, backends, values);
            if (!settings) {
              std::cerr << "vleval generate: " << settings.error().message << "\n";
              return kExitUsage;
            }
            (*settings)[kModelConfigSetting] = model_config;
            auto model = GenerateModelProfile(**entry, model_config);
            if (!model) return CommandFailure("generate", model.error().message);
            return Generate(**entry, *settings, *model, image_path, prompt, max_new_tokens);
          }};
}

}  // namespace vleval::cli
