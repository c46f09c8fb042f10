// Random weights of a small MiniGPT-v2 (LLaMA decoder and EVA ViT key names
// as the official files spell them), built in-process for the engine's unit
// tests: no files, no Python. Seeded, so every call gives the same tensors.
#pragma once

#include <map>
#include <string>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "model/minigptv2/architecture.h"

namespace vleval::testing {

inline constexpr int64_t kLlamaHidden = 16, kLlamaFfn = 24, kLlamaVocab = 40, kLlamaLayers = 2,
                         kLlamaHeads = 2;

inline nlohmann::json RandomLlamaConfig() {
  return {{"hidden_size", kLlamaHidden},        {"num_hidden_layers", kLlamaLayers},
          {"num_attention_heads", kLlamaHeads}, {"intermediate_size", kLlamaFfn},
          {"vocab_size", kLlamaVocab},          {"rms_norm_eps", 1e-5}};
}

inline std::map<std::string, torch::Tensor> RandomLlamaWeights() {
  torch::manual_seed(11);
  std::map<std::string, torch::Tensor> w = {
      {"model.embed_tokens.weight", torch::randn({kLlamaVocab, kLlamaHidden})},
      {"model.norm.weight", torch::rand({kLlamaHidden}) + 0.5},
      {"lm_head.weight", torch::randn({kLlamaVocab, kLlamaHidden})}};
  for (int64_t layer = 0; layer < kLlamaLayers; ++layer) {
    const std::string p = "model.layers." + std::to_string(layer) + ".";
    for (const char* name : {"q_proj", "k_proj", "v_proj", "o_proj"})
      w[p + "self_attn." + name + ".weight"] = torch::randn({kLlamaHidden, kLlamaHidden}) * 0.3;
    w[p + "mlp.gate_proj.weight"] = torch::randn({kLlamaFfn, kLlamaHidden}) * 0.3;
    w[p + "mlp.up_proj.weight"] = torch::randn({kLlamaFfn, kLlamaHidden}) * 0.3;
    w[p + "mlp.down_proj.weight"] = torch::randn({kLlamaHidden, kLlamaFfn}) * 0.3;
    w[p + "input_layernorm.weight"] = torch::rand({kLlamaHidden}) + 0.5;
    w[p + "post_attention_layernorm.weight"] = torch::rand({kLlamaHidden}) + 0.5;
  }
  return w;
}

// A ViT of width 16, 2 heads, 2 blocks, 28 px images of 14 px patches (a
// 2 x 2 grid), merged 4 to 1 into one image token.
inline MiniGptV2Architecture RandomVitArchitecture() {
  MiniGptV2Architecture arch;
  arch.vit_depth = 2;
  arch.vit_heads = 2;
  arch.image_size = 28;
  arch.patch_size = 14;
  arch.merge_tokens = 4;
  return arch;
}

inline std::map<std::string, torch::Tensor> RandomVitWeights() {
  torch::manual_seed(12);
  const int64_t d = 16, mlp = 40;
  std::map<std::string, torch::Tensor> w = {{"cls_token", torch::randn({1, 1, d}) * 0.5},
                                            {"pos_embed", torch::randn({1, 5, d}) * 0.5},
                                            {"patch_embed.proj.weight", torch::randn({d, 3, 14, 14}) * 0.05},
                                            {"patch_embed.proj.bias", torch::randn({d}) * 0.1}};
  for (int block = 0; block < 2; ++block) {
    const std::string p = "blocks." + std::to_string(block) + ".";
    w[p + "norm1.weight"] = torch::rand({d}) + 0.5;
    w[p + "norm1.bias"] = torch::randn({d}) * 0.1;
    w[p + "attn.q_bias"] = torch::randn({d}) * 0.1;
    w[p + "attn.v_bias"] = torch::randn({d}) * 0.1;
    w[p + "attn.qkv.weight"] = torch::randn({3 * d, d}) * 0.25;
    w[p + "attn.proj.weight"] = torch::randn({d, d}) * 0.2;
    w[p + "attn.proj.bias"] = torch::randn({d}) * 0.1;
    w[p + "norm2.weight"] = torch::rand({d}) + 0.5;
    w[p + "norm2.bias"] = torch::randn({d}) * 0.1;
    w[p + "mlp.fc1.weight"] = torch::randn({mlp, d}) * 0.25;
    w[p + "mlp.fc1.bias"] = torch::randn({mlp}) * 0.1;
    w[p + "mlp.fc2.weight"] = torch::randn({d, mlp}) * 0.15;
    w[p + "mlp.fc2.bias"] = torch::randn({d}) * 0.1;
  }
  return w;
}

// The checkpoint's projector from the ViT above into the LLaMA above.
inline std::map<std::string, torch::Tensor> RandomProjectorWeights() {
  torch::manual_seed(13);
  return {{"llama_proj.weight", torch::randn({kLlamaHidden, 64}) * 0.12},
          {"llama_proj.bias", torch::randn({kLlamaHidden}) * 0.1}};
}

}  // namespace vleval::testing
