// `vleval generate`: MiniGPT-v2 on one image and one prompt (data_layout.md).
// Loads the three model files as shipped, preprocesses the image as the
// official eval does, decodes greedily and prints
// {"text", "token_ids", "prompt_token_ids"} as one JSON line.
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "model/image/preprocess.h"
#include "model/minigptv2_backend.h"

namespace vleval::cli {
namespace {

// LLaMA-2's context length: no prompt leaves room for more.
constexpr int kMaxNewTokens = 4096;

// MiniGPT-v2's eval conversation (minigptv2_protocol.md §1.5) around a bare
// question; a prompt that already places the image is used as given.
std::string FullPrompt(const std::string& prompt) {
  if (prompt.find("<ImageHere>") != std::string::npos) return prompt;
  return "<s>[INST] <Img><ImageHere></Img> " + prompt + " [/INST]";
}

int Generate(const MiniGptV2BackendOptions& options, const std::string& image_path, const std::string& prompt,
             int max_new_tokens) {
  auto backend = LoadMiniGptV2Backend(options);
  if (!backend) return CommandFailure("generate", backend.error().message);
  auto image = image::LoadNormalizedImage(image_path, (*backend)->image_size());
  if (!image) return CommandFailure("generate", image.error().message);
  const GenerateRequest request{&*image, FullPrompt(prompt), max_new_tokens};
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
  return {
      "generate", "run MiniGPT-v2 on one image and prompt", [](const std::vector<std::string>& args) {
        po::options_description options("vleval generate options");
        MiniGptV2BackendOptions model;
        std::string llama, vit, checkpoint, converted, model_config, image_path, prompt, dtype;
        int max_new_tokens = 20;
        options.add_options()("llama", po::value(&llama),
                              "Llama-2-7b-chat-hf folder (config.json, tokenizer.model, weights)")(
            "vit", po::value(&vit), "eva_vit_g.pth")("checkpoint", po::value(&checkpoint),
                                                     "MiniGPT-v2 checkpoint (.pth)")(
            "converted", po::value(&converted), "a `vleval convert` file, instead of the three above")(
            "model-config", po::value(&model_config), "architecture constants (default: the 7B model's)")(
            "image", po::value(&image_path)->required(), "input image (JPEG or PNG)")(
            "prompt", po::value(&prompt)->required(),
            "a question (wrapped as '<s>[INST] <Img><ImageHere></Img> TEXT [/INST]'), or a full prompt "
            "holding <ImageHere>")("max-new-tokens",
                                   po::value(&max_new_tokens)->default_value(max_new_tokens),
                                   "most tokens generated")(
            "device", po::value(&model.device)->default_value("cpu"), "cpu, cuda or cuda:N")(
            "dtype", po::value(&dtype),
             "float16 (the CUDA default: the official precision), bfloat16, or float32 (the CPU default)");
        po::variables_map values;
        if (auto stop =
                ParseCommandOptions("generate",
                                    "vleval generate (--llama DIR --vit FILE --checkpoint FILE | --converted "
                                    "FILE) [--model-config FILE] --image FILE "
                                    "--prompt TEXT [--max-new-tokens N] [--device cpu|cuda] [--dtype T]",
                                    options, {}, args, values, std::cout, std::cerr))
          return *stop;
        if (auto bad = CheckRange("generate", "max-new-tokens", max_new_tokens, 1, kMaxNewTokens,
                                  "LLaMA-2's context is 4096 tokens")) {
          return *bad;
        }
        const bool have_three = !llama.empty() && !vit.empty() && !checkpoint.empty();
        const bool have_any = !llama.empty() || !vit.empty() || !checkpoint.empty();
        if (converted.empty() ? !have_three : have_any) {
          std::cerr << "vleval generate: give --llama, --vit and --checkpoint, or --converted alone\n";
          return kExitUsage;
        }
        model.converted_path = converted;
        model.llama_dir = llama;
        model.vit_path = vit;
        model.checkpoint_path = checkpoint;
        model.model_config = model_config;
        model.dtype = !dtype.empty() ? dtype : DefaultDtype(model.device);
        return Generate(model, image_path, prompt, max_new_tokens);
      }};
}

}  // namespace vleval::cli
