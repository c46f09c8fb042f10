// LLaMA-2 decoder as Hugging Face's LlamaForCausalLM computes it: RMSNorm (eps
// from config.json, computed in float32), rotary embeddings in the rotate_half
// layout of HF checkpoints (theta 10000, or config.json's rope_theta), SiLU
// MLP, untied lm_head; with a preallocated key/value cache (kv_cache.h) and
// explicit positions and key masks so left-padded batches behave as if each
// row ran alone. Dtypes follow model/minigptv2/precision.h. Forward is const
// (it writes only the caller's cache); thread-compatible.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/minigptv2/attention.h"
#include "model/minigptv2/kv_cache.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

class LlamaModel {
 public:
  // Sizes from `config` (config.json: hidden_size, num_hidden_layers,
  // num_attention_heads, intermediate_size, vocab_size, rms_norm_eps,
  // max_position_embeddings), checked against the tensors of `source` (HF key
  // names). Grouped-query attention (num_key_value_heads !=
  // num_attention_heads) is rejected.
  static Result<LlamaModel> Build(const TensorSource& source, const nlohmann::json& config,
                                  const std::string& config_file, TensorPlacement placement,
                                  AttentionKernel kernel = AttentionKernel::kManual);

  // Token embeddings [n, hidden] of `ids` (int64 tensor [n], any device).
  torch::Tensor Embed(const torch::Tensor& ids) const;

  // An empty cache for `rows` sequences of up to `capacity` positions.
  KvCache NewCache(int64_t rows, int64_t capacity) const;

  // embeds [B, T, hidden]; positions [B, T] int64 (rotary positions, below
  // max_positions()); key_valid [B, >= cache.length() + T] bool over cache
  // positions (false: padding, never attended by another position). A query
  // at step t attends valid keys at indices <= cache.length() + t (a padding
  // query attends itself only). Writes T positions into `cache` and advances
  // it. Returns the final-normed hidden states [B, T, hidden] (compute dtype).
  torch::Tensor Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                        const torch::Tensor& key_valid, KvCache& cache) const;

  // lm_head over hidden states [..., hidden]: float32 logits [..., vocab].
  torch::Tensor Logits(const torch::Tensor& hidden) const;

  int64_t hidden_size() const { return hidden_; }
  int64_t layer_count() const { return static_cast<int64_t>(layers_.size()); }
  int64_t vocab_size() const { return vocab_; }
  int64_t intermediate_size() const { return layers_.empty() ? 0 : layers_.front().gate_proj.size(0); }
  int64_t max_positions() const { return cos_table_.size(0); }
  const TensorPlacement& placement() const { return placement_; }

 private:
  struct Layer {
    torch::Tensor input_norm, q_proj, k_proj, v_proj, o_proj;
    torch::Tensor post_norm, gate_proj, up_proj, down_proj;
  };
  torch::Tensor Norm(const torch::Tensor& x, const torch::Tensor& weight) const;

  torch::Tensor embed_tokens_, final_norm_, lm_head_;
  torch::Tensor cos_table_, sin_table_;  // [max positions, head_dim], compute dtype
  std::vector<Layer> layers_;
  int64_t hidden_ = 0, heads_ = 0, vocab_ = 0;
  double rms_eps_ = 1e-6;
  TensorPlacement placement_;
  AttentionKernel kernel_ = AttentionKernel::kManual;
};

}  // namespace vleval
