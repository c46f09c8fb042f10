// LLaMA-2 decoder as Hugging Face's LlamaForCausalLM computes it: RMSNorm (eps
// from config.json, computed in float32), rotary embeddings in the rotate_half
// layout of HF checkpoints (theta 10000, or config.json's rope_theta), SiLU
// MLP, untied lm_head; with a per-layer key/value cache and explicit positions
// and key masks so left-padded batches behave as if each row ran alone.
// Forward is const; a KvCache belongs to one generation.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

// Keys and values seen so far: per layer [B, heads, S, head_dim]. Empty at
// the start; Forward appends. Copying shares the tensors (Forward never
// writes into them in place), so a prefix cache can be reused.
struct KvCache {
  std::vector<torch::Tensor> keys;
  std::vector<torch::Tensor> values;
  int64_t length() const { return keys.empty() ? 0 : keys.front().size(2); }
};

class LlamaModel {
 public:
  // Sizes from `config` (config.json: hidden_size, num_hidden_layers,
  // num_attention_heads, intermediate_size, vocab_size, rms_norm_eps), checked
  // against the tensors of `source` (HF key names). Grouped-query attention
  // (num_key_value_heads != num_attention_heads) is rejected.
  static Result<LlamaModel> Build(const TensorSource& source, const nlohmann::json& config,
                                  const std::string& config_file, TensorPlacement placement);

  // Token embeddings [n, hidden] of `ids` (int64 tensor [n]).
  torch::Tensor Embed(const torch::Tensor& ids) const;

  // embeds [B, T, hidden]; positions [B, T] int64 (rotary positions);
  // key_valid [B, cache.length() + T] bool (false: padding, never attended).
  // A query at step t attends valid keys at indices <= cache.length() + t.
  // Appends to `cache`; returns float32 logits [B, T, vocab].
  torch::Tensor Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                        const torch::Tensor& key_valid, KvCache& cache) const;

  int64_t hidden_size() const { return hidden_; }
  int64_t layer_count() const { return static_cast<int64_t>(layers_.size()); }
  int64_t vocab_size() const { return vocab_; }
  const TensorPlacement& placement() const { return placement_; }

 private:
  struct Layer {
    torch::Tensor input_norm, q_proj, k_proj, v_proj, o_proj;
    torch::Tensor post_norm, gate_proj, up_proj, down_proj;
  };
  torch::Tensor Norm(const torch::Tensor& x, const torch::Tensor& weight) const;

  torch::Tensor embed_tokens_, final_norm_, lm_head_, inv_freq_;
  std::vector<Layer> layers_;
  int64_t hidden_ = 0, heads_ = 0, vocab_ = 0;
  double rms_eps_ = 1e-6;
  TensorPlacement placement_;
};

}  // namespace vleval
