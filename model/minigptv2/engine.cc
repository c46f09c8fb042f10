#include "model/minigptv2/engine.h"

#include "model/minigptv2/candidate_scoring.h"
#include "model/minigptv2/lora_merge.h"
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
  } else if (dtype == "bfloat16") {
    placement.dtype = torch::kBFloat16;
  } else if (dtype == "float16") {
    if (placement.device.is_cpu())
      return Error{"dtype float16 needs a CUDA device; CPU runs float32 or bfloat16"};
    placement.dtype = torch::kFloat16;
  } else {
    return Error{"dtype " + dtype + ": not one of float32, float16, bfloat16"};
  }
  return placement;
}

}  // namespace

Result<MiniGptV2Engine> MiniGptV2Engine::Load(const MiniGptV2BackendOptions& options) {
  auto placement =
      ParsePlacement(options.device, options.dtype.empty() ? DefaultDtype(options.device) : options.dtype);
  if (!placement) return placement.error();
  auto kernel = ParseAttentionKernel(options.attention);
  if (!kernel) return kernel.error();
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
  auto llama = LlamaModel::Build({&weights->llama, llama_file}, weights->llama_config, config_file,
                                 *placement, *kernel);
  if (!llama) return llama.error();
  auto encoder = ImageEncoder::Build({&weights->vit, vit_file}, checkpoint, arch, llama->hidden_size(),
                                     *placement, *kernel);
  if (!encoder) return encoder.error();
  return MiniGptV2Engine(std::move(*tokenizer), std::move(*encoder), std::move(*llama), arch);
}

Result<std::vector<GenerateResult>> MiniGptV2Engine::Generate(std::span<const PreparedGenerateRequest> batch,
                                                              GenerationStats* stats) {
  std::vector<AssembledPrompt> prompts;
  std::vector<GenerationRow> rows(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    auto prompt = Prepare(i, batch[i].image, batch[i].prompt);
    if (!prompt) return prompt.error();
    prompts.push_back(std::move(*prompt));
    for (const auto& text : batch[i].first_token_texts) {
      const auto ids = EncodeWithSpecialTokens(tokenizer_, text + "</s>", special_tokens());
      rows[i].first_step_ids.push_back(ids.front());
    }
    rows[i].max_new_tokens = batch[i].max_new_tokens;
  }
  c10::InferenceMode inference;
  const auto image_embeds = ImageEmbeddings(batch);
  for (size_t i = 0; i < batch.size(); ++i) rows[i].context = Context(prompts[i], image_embeds[i]);
  const auto generated = GenerateGreedy(llama_, rows, arch_.eos_id, {}, stats);
  std::vector<GenerateResult> results;
  for (size_t i = 0; i < batch.size(); ++i) {
    GenerateResult result{DecodeAnswer(tokenizer_, generated[i].token_ids, special_tokens()),
                          generated[i].token_ids, prompts[i].before_image, generated[i].first_step_logprobs};
    result.prompt_token_ids.insert(result.prompt_token_ids.end(), prompts[i].after_image.begin(),
                                   prompts[i].after_image.end());
    results.push_back(std::move(result));
  }
  return results;
}

Result<std::vector<ScoreResult>> MiniGptV2Engine::ScoreCandidates(
    std::span<const PreparedScoreRequest> batch) {
  std::vector<AssembledPrompt> prompts;
  std::vector<CandidatePrompt> scored(batch.size());
  std::vector<const image::ChwFloatImage*> images;
  for (size_t i = 0; i < batch.size(); ++i) {
    auto prompt = Prepare(i, batch[i].image, batch[i].prompt);
    if (!prompt) return prompt.error();
    prompts.push_back(std::move(*prompt));
    for (const auto& text : batch[i].candidates) {
      if (text.empty()) return Error{"request " + std::to_string(i) + ": an empty candidate"};
      scored[i].candidates.push_back(EncodeWithSpecialTokens(tokenizer_, text + "</s>", special_tokens()));
    }
    if (scored[i].candidates.empty()) return Error{"request " + std::to_string(i) + ": no candidates"};
    images.push_back(batch[i].image);
  }
  c10::InferenceMode inference;
  const torch::Tensor image_embeds = EncodeImages(images);
  for (size_t i = 0; i < batch.size(); ++i)
    scored[i].context = Context(prompts[i], image_embeds[static_cast<int64_t>(i)]);
  const auto likelihoods = ScoreCandidateIds(llama_, scored);
  std::vector<ScoreResult> results;
  for (size_t i = 0; i < batch.size(); ++i) {
    ScoreResult result{likelihoods[i].summed_nll,
                       likelihoods[i].first_token_logprob,
                       {},
                       static_cast<int>(scored[i].context.size(0))};
    for (const auto& ids : scored[i].candidates)
      result.candidates_tokens.push_back(static_cast<int>(ids.size()));
    results.push_back(std::move(result));
  }
  return results;
}

Result<AssembledPrompt> MiniGptV2Engine::Prepare(size_t index, const image::ChwFloatImage* image,
                                                 const std::string& prompt) const {
  const std::string where = "request " + std::to_string(index) + ": ";
  if (image == nullptr) return Error{where + "no image"};
  if (image->height != arch_.image_size || image->width != arch_.image_size ||
      image->values.size() != 3u * image->height * image->width) {
    return Error{where + "image is 3x" + std::to_string(image->height) + "x" + std::to_string(image->width) +
                 " with " + std::to_string(image->values.size()) + " values; the model takes 3x" +
                 std::to_string(arch_.image_size) + "x" + std::to_string(arch_.image_size)};
  }
  auto assembled = AssemblePrompt(tokenizer_, prompt, special_tokens());
  if (!assembled) return Error{where + assembled.error().message};
  return assembled;
}

// Image embeddings per request: keyed requests whose key the previous call
// (or an earlier request of this one) encoded reuse them; the rest are
// encoded in one pass. Afterwards the cache holds this call's keyed images.
std::vector<torch::Tensor> MiniGptV2Engine::ImageEmbeddings(std::span<const PreparedGenerateRequest> batch) {
  std::vector<torch::Tensor> embeds(batch.size());
  std::vector<const image::ChwFloatImage*> missing_images;
  std::vector<size_t> missing;
  std::map<uint64_t, size_t> first_with_key;
  for (size_t i = 0; i < batch.size(); ++i) {
    const uint64_t key = batch[i].image_key;
    if (key != 0) {
      if (const auto cached = image_cache_.find(key); cached != image_cache_.end()) {
        embeds[i] = cached->second;
        continue;
      }
      if (first_with_key.count(key) != 0) continue;  // filled from its first request below
      first_with_key[key] = i;
    }
    missing.push_back(i);
    missing_images.push_back(batch[i].image);
  }
  if (!missing.empty()) {
    const torch::Tensor encoded = EncodeImages(missing_images);
    for (size_t k = 0; k < missing.size(); ++k) embeds[missing[k]] = encoded[static_cast<int64_t>(k)];
  }
  std::map<uint64_t, torch::Tensor> next_cache;
  for (size_t i = 0; i < batch.size(); ++i) {
    const uint64_t key = batch[i].image_key;
    if (key == 0) continue;
    if (!embeds[i].defined()) embeds[i] = embeds[first_with_key.at(key)];
    next_cache[key] = embeds[i];
  }
  image_cache_ = std::move(next_cache);
  return embeds;
}

torch::Tensor MiniGptV2Engine::EncodeImages(const std::vector<const image::ChwFloatImage*>& images) const {
  std::vector<torch::Tensor> planes;
  for (const auto* image : images) {
    planes.push_back(torch::from_blob(const_cast<float*>(image->values.data()),
                                      {3, image->height, image->width}, torch::kFloat32));
  }
  return encoder_.Encode(torch::stack(planes));
}

torch::Tensor MiniGptV2Engine::Context(const AssembledPrompt& prompt,
                                       const torch::Tensor& image_embeds) const {
  auto embed = [&](const std::vector<int32_t>& ids) {
    return llama_.Embed(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kInt64));
  };
  return torch::cat({embed(prompt.before_image), image_embeds, embed(prompt.after_image)}, 0);
}

}  // namespace vleval
