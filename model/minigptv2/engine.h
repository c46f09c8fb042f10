// MiniGPT-v2 assembled: tokenizer, image encoder and LLaMA decoder loaded
// from the official files, and the two things the harness asks of them
// (greedy generation, candidate scoring). MiniGptV2Backend
// (model/minigptv2_backend.h) wraps it behind the torch-free ModelBackend;
// the GPU check (bench/gpu_check_tool.cc) also drives its parts directly.
// Not thread-safe; may throw libtorch exceptions (the backend catches them).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "core/result.h"
#include "model/backend.h"
#include "model/minigptv2/architecture.h"
#include "model/minigptv2/greedy_generation.h"
#include "model/minigptv2/image_encoder.h"
#include "model/minigptv2/llama_model.h"
#include "model/minigptv2_backend.h"
#include "model/tokenizer/prompt_assembly.h"

namespace vleval {

class MiniGptV2Engine {
 public:
  // Loads, merges LoRA, interpolates pos_embed; errors name the file and
  // tensor or the option at fault (e.g. fp16 on CPU, CUDA absent).
  static Result<MiniGptV2Engine> Load(const MiniGptV2BackendOptions& options);

  // As ModelBackend::Generate and ScoreCandidates, each under
  // c10::InferenceMode. `stats`, when given, receives what the generation
  // cost on the host side.
  Result<std::vector<GenerateResult>> Generate(std::span<const PreparedGenerateRequest> batch,
                                               GenerationStats* stats = nullptr);
  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const PreparedScoreRequest> batch);

  // Forgets the image embeddings kept for keyed requests (after a failure).
  void ForgetImages() { image_cache_.clear(); }

  // images [B, 3, S, S] float32 -> image embeddings [B, tokens, hidden].
  torch::Tensor EncodeImages(const std::vector<const image::ChwFloatImage*>& images) const;
  // The prompt's context embeddings [L, hidden]: text before the image, the
  // image embeddings [tokens, hidden], text after.
  torch::Tensor Context(const AssembledPrompt& prompt, const torch::Tensor& image_embeds) const;

  const SentencePieceTokenizer& tokenizer() const { return tokenizer_; }
  const ImageEncoder& encoder() const { return encoder_; }
  const LlamaModel& llama() const { return llama_; }
  const MiniGptV2Architecture& architecture() const { return arch_; }
  SpecialTokenIds special_tokens() const { return {arch_.bos_id, arch_.eos_id}; }

 private:
  MiniGptV2Engine(SentencePieceTokenizer tokenizer, ImageEncoder encoder, LlamaModel llama,
                  MiniGptV2Architecture arch)
      : tokenizer_(std::move(tokenizer)),
        encoder_(std::move(encoder)),
        llama_(std::move(llama)),
        arch_(arch) {}
  Result<AssembledPrompt> Prepare(size_t index, const image::ChwFloatImage* image,
                                  const std::string& prompt) const;
  std::vector<torch::Tensor> ImageEmbeddings(std::span<const PreparedGenerateRequest> batch);

  SentencePieceTokenizer tokenizer_;
  ImageEncoder encoder_;
  LlamaModel llama_;
  MiniGptV2Architecture arch_;
  std::map<uint64_t, torch::Tensor> image_cache_;  // image_key -> [tokens, hidden] on the device
};

}  // namespace vleval
