// MiniGptV2Backend: the ModelBackend for MiniGPT-v2 in libtorch. Owns the
// tokenizer, the image encoder and the LLaMA decoder; turns requests into
// context embeddings (text before the image, image embeddings, text after)
// and hands them to greedy decoding or candidate scoring.
#include "model/minigptv2_backend.h"

#include "model/minigptv2/architecture.h"
#include "model/minigptv2/candidate_scoring.h"
#include "model/minigptv2/greedy_generation.h"
#include "model/minigptv2/image_encoder.h"
#include "model/minigptv2/llama_model.h"
#include "model/minigptv2/lora_merge.h"
#include "model/tokenizer/prompt_assembly.h"
#include "model/weights/converted_minigptv2.h"
#include "model/weights/minigptv2_files.h"

namespace vleval {
namespace {

Result<TensorPlacement> ParsePlacement(const std::string& device, const std::string& dtype) {
  TensorPlacement placement;
  if (device == "cpu") {
    placement.device = torch::kCPU;
  } else if (device.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available()) return Error{"--device " + device + ": CUDA is not available"};
    try {
      placement.device = torch::Device(device);
    } catch (const std::exception&) {
      return Error{"--device " + device + ": not a device (cpu, cuda or cuda:N)"};
    }
  } else {
    return Error{"--device " + device + ": not a device (cpu, cuda or cuda:N)"};
  }
  if (dtype == "float32") {
    placement.dtype = torch::kFloat32;
  } else if (dtype == "float16" || dtype == "bfloat16") {
    if (placement.device.is_cpu()) return Error{"dtype " + dtype + " needs a CUDA device; CPU runs float32"};
    placement.dtype = dtype == "float16" ? torch::kFloat16 : torch::kBFloat16;
  } else {
    return Error{"dtype " + dtype + ": not one of float32, float16, bfloat16"};
  }
  return placement;
}

class MiniGptV2Backend final : public ModelBackend {
 public:
  MiniGptV2Backend(SentencePieceTokenizer tokenizer, ImageEncoder encoder, LlamaModel llama,
                   MiniGptV2Architecture arch)
      : tokenizer_(std::move(tokenizer)),
        encoder_(std::move(encoder)),
        llama_(std::move(llama)),
        arch_(arch) {}

  int image_size() const override { return arch_.image_size; }

  Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) override {
    std::vector<const image::ChwFloatImage*> images;
    std::vector<AssembledPrompt> prompts;
    for (size_t i = 0; i < batch.size(); ++i) {
      auto prompt = Prepare(i, batch[i].image, batch[i].prompt);
      if (!prompt) return prompt.error();
      images.push_back(batch[i].image);
      prompts.push_back(std::move(*prompt));
    }
    torch::NoGradGuard no_grad;
    const torch::Tensor image_embeds = EncodeImages(images);
    std::vector<GenerationRow> rows;
    for (size_t i = 0; i < batch.size(); ++i) {
      rows.push_back({Context(prompts[i], image_embeds[static_cast<int64_t>(i)]), batch[i].max_new_tokens});
    }
    const auto generated = GenerateGreedy(llama_, rows, kEosId);
    std::vector<GenerateResult> results;
    for (size_t i = 0; i < batch.size(); ++i) {
      GenerateResult result{DecodeAnswer(tokenizer_, generated[i]), generated[i], prompts[i].before_image};
      result.prompt_token_ids.insert(result.prompt_token_ids.end(), prompts[i].after_image.begin(),
                                     prompts[i].after_image.end());
      results.push_back(std::move(result));
    }
    return results;
  }

  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) override {
    std::vector<ScoreResult> results;
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < batch.size(); ++i) {
      auto prompt = Prepare(i, batch[i].image, batch[i].prompt);
      if (!prompt) return prompt.error();
      std::vector<std::vector<int32_t>> candidates;
      for (const auto& text : batch[i].candidates) {
        if (text.empty()) return Error{"request " + std::to_string(i) + ": an empty candidate"};
        candidates.push_back(EncodeWithSpecialTokens(tokenizer_, text + "</s>"));
      }
      if (candidates.empty()) return Error{"request " + std::to_string(i) + ": no candidates"};
      const torch::Tensor image_embeds = EncodeImages({batch[i].image});
      const torch::Tensor context = Context(*prompt, image_embeds[0]);
      const auto scores = ScoreCandidateIds(llama_, context, candidates);
      ScoreResult result{
          scores.summed_nll, scores.first_token_logprob, {}, static_cast<int>(context.size(0))};
      for (const auto& ids : candidates) result.candidates_tokens.push_back(static_cast<int>(ids.size()));
      results.push_back(std::move(result));
    }
    return results;
  }

 private:
  Result<AssembledPrompt> Prepare(size_t index, const image::ChwFloatImage* image,
                                  const std::string& prompt) const {
    const std::string where = "request " + std::to_string(index) + ": ";
    if (image == nullptr) return Error{where + "no image"};
    if (image->height != arch_.image_size || image->width != arch_.image_size ||
        image->values.size() != 3u * image->height * image->width) {
      return Error{where + "image is 3x" + std::to_string(image->height) + "x" +
                   std::to_string(image->width) + " with " + std::to_string(image->values.size()) +
                   " values; the model takes 3x" + std::to_string(arch_.image_size) + "x" +
                   std::to_string(arch_.image_size)};
    }
    auto assembled = AssemblePrompt(tokenizer_, prompt);
    if (!assembled) return Error{where + assembled.error().message};
    return assembled;
  }

  torch::Tensor EncodeImages(const std::vector<const image::ChwFloatImage*>& images) const {
    std::vector<torch::Tensor> planes;
    for (const auto* image : images) {
      planes.push_back(torch::from_blob(const_cast<float*>(image->values.data()),
                                        {3, image->height, image->width}, torch::kFloat32));
    }
    return encoder_.Encode(torch::stack(planes));
  }

  torch::Tensor Context(const AssembledPrompt& prompt, const torch::Tensor& image_embeds) const {
    auto embed = [&](const std::vector<int32_t>& ids) {
      return llama_.Embed(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kInt64));
    };
    return torch::cat({embed(prompt.before_image), image_embeds, embed(prompt.after_image)}, 0);
  }

  SentencePieceTokenizer tokenizer_;
  ImageEncoder encoder_;
  LlamaModel llama_;
  MiniGptV2Architecture arch_;
};

}  // namespace

Result<std::unique_ptr<ModelBackend>> LoadMiniGptV2Backend(const MiniGptV2BackendOptions& options) {
  auto placement = ParsePlacement(options.device, options.dtype);
  if (!placement) return placement.error();
  MiniGptV2Architecture arch;
  if (!options.model_config.empty()) {
    auto loaded = LoadMiniGptV2Architecture(options.model_config);
    if (!loaded) return loaded.error();
    arch = *loaded;
  }
  const bool converted = !options.converted_path.empty();
  auto weights = converted
                     ? LoadConvertedMiniGptV2(options.converted_path)
                     : LoadMiniGptV2Files({options.llama_dir, options.vit_path, options.checkpoint_path});
  if (!weights) return weights.error();
  auto tokenizer = SentencePieceTokenizer::Load(weights->tokenizer_model);
  if (!tokenizer) return tokenizer.error();
  // Names of the files each group of tensors came from, for error messages.
  const std::string converted_file = options.converted_path.string();
  const std::string llama_file = converted ? converted_file : options.llama_dir.string();
  const std::string config_file = converted ? converted_file : (options.llama_dir / "config.json").string();
  const std::string vit_file = converted ? converted_file : options.vit_path.string();
  const TensorSource checkpoint{&weights->checkpoint,
                                converted ? converted_file : options.checkpoint_path.string()};
  const int64_t layers = weights->llama_config.value("num_hidden_layers", int64_t{0});
  if (auto merged = MergeLora(weights->llama, llama_file, checkpoint, arch, layers); !merged) {
    return Error{merged.message()};
  }
  auto llama =
      LlamaModel::Build({&weights->llama, llama_file}, weights->llama_config, config_file, *placement);
  if (!llama) return llama.error();
  auto encoder =
      ImageEncoder::Build({&weights->vit, vit_file}, checkpoint, arch, llama->hidden_size(), *placement);
  if (!encoder) return encoder.error();
  return std::unique_ptr<ModelBackend>(std::make_unique<MiniGptV2Backend>(
      std::move(*tokenizer), std::move(*encoder), std::move(*llama), arch));
}

}  // namespace vleval
