// The decoder engine as it was before the GPU rewrite, kept only as the
// baseline of bench/engine_bench.cc (same weights, same math): a key/value
// cache grown by torch::cat every step, lm_head over every position in
// float32, the next ids read by the host every step (argmax to the host, one
// read per row, ids, positions and mask uploaded again), candidate scoring
// one prompt and one candidate at a time, HM's p_yes from a second pass.
// `host_syncs` counts the transfers that block the host on a GPU.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace vleval::bench {

struct BaselineCache {
  std::vector<torch::Tensor> keys, values;
  int64_t length() const { return keys.empty() ? 0 : keys.front().size(2); }
};

class BaselineLlama {
 public:
  // HF key names, shapes as LlamaModel checks them; no checks here.
  BaselineLlama(const std::map<std::string, torch::Tensor>& weights, int64_t layers, int64_t heads,
                double rms_eps);
  torch::Tensor Embed(const torch::Tensor& ids) const;
  // float32 logits [B, T, vocab]; appends to `cache`.
  torch::Tensor Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                        const torch::Tensor& key_valid, BaselineCache& cache) const;

 private:
  struct Layer {
    torch::Tensor input_norm, q_proj, k_proj, v_proj, o_proj, post_norm, gate_proj, up_proj, down_proj;
  };
  torch::Tensor Norm(const torch::Tensor& x, const torch::Tensor& weight) const;
  torch::Tensor embed_tokens_, final_norm_, lm_head_, inv_freq_;
  std::vector<Layer> layers_;
  int64_t hidden_ = 0, heads_ = 0;
  double rms_eps_ = 1e-6;
};

struct BaselineCounters {
  int64_t host_syncs = 0;
};

std::vector<std::vector<int32_t>> BaselineGenerate(const BaselineLlama& model,
                                                   const std::vector<torch::Tensor>& contexts,
                                                   int max_new_tokens, int32_t eos_id,
                                                   BaselineCounters& counters);

// Per candidate: summed NLL and the first token's log-probability.
std::vector<std::pair<double, double>> BaselineScore(const BaselineLlama& model, const torch::Tensor& context,
                                                     const std::vector<std::vector<int32_t>>& candidates,
                                                     BaselineCounters& counters);

}  // namespace vleval::bench
