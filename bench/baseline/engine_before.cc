#include "bench/baseline/engine_before.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vleval::bench {
namespace {

torch::Tensor RotateHalf(const torch::Tensor& x) {
  const int64_t half = x.size(-1) / 2;
  return torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
}

}  // namespace

BaselineLlama::BaselineLlama(const std::map<std::string, torch::Tensor>& w, int64_t layers, int64_t heads,
                             double rms_eps)
    : heads_(heads), rms_eps_(rms_eps) {
  embed_tokens_ = w.at("model.embed_tokens.weight");
  final_norm_ = w.at("model.norm.weight");
  lm_head_ = w.at("lm_head.weight");
  hidden_ = embed_tokens_.size(1);
  const int64_t head_dim = hidden_ / heads_;
  inv_freq_ = 1.0 / torch::pow(10000.0, torch::arange(0, head_dim, 2, torch::kFloat32) /
                                            static_cast<double>(head_dim));
  for (int64_t i = 0; i < layers; ++i) {
    const std::string p = "model.layers." + std::to_string(i) + ".";
    layers_.push_back({w.at(p + "input_layernorm.weight"), w.at(p + "self_attn.q_proj.weight"),
                       w.at(p + "self_attn.k_proj.weight"), w.at(p + "self_attn.v_proj.weight"),
                       w.at(p + "self_attn.o_proj.weight"), w.at(p + "post_attention_layernorm.weight"),
                       w.at(p + "mlp.gate_proj.weight"), w.at(p + "mlp.up_proj.weight"),
                       w.at(p + "mlp.down_proj.weight")});
  }
}

torch::Tensor BaselineLlama::Embed(const torch::Tensor& ids) const {
  return embed_tokens_.index_select(0, ids.to(torch::kInt64));
}

torch::Tensor BaselineLlama::Norm(const torch::Tensor& x, const torch::Tensor& weight) const {
  const torch::Tensor x32 = x.to(torch::kFloat32);
  return weight * (x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + rms_eps_)).to(x.scalar_type());
}

torch::Tensor BaselineLlama::Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                                     const torch::Tensor& key_valid, BaselineCache& cache) const {
  const int64_t batch = embeds.size(0), steps = embeds.size(1);
  const int64_t past = cache.length(), total = past + steps;
  const int64_t head_dim = hidden_ / heads_;
  const torch::Tensor freqs = positions.to(torch::kFloat32).unsqueeze(-1) * inv_freq_;
  const torch::Tensor angles = torch::cat({freqs, freqs}, -1).unsqueeze(1);
  const torch::Tensor cos = angles.cos(), sin = angles.sin();
  const torch::Tensor causal =
      torch::arange(total).unsqueeze(0) <= (torch::arange(steps) + past).unsqueeze(1);
  const torch::Tensor blocked =
      torch::logical_not(causal.unsqueeze(0) & key_valid.to(torch::kBool).unsqueeze(1)).unsqueeze(1);
  const double root_head_dim = std::sqrt(static_cast<double>(head_dim));
  const bool first_call = cache.keys.empty();
  torch::Tensor x = embeds;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const Layer& l = layers_[i];
    const torch::Tensor h = Norm(x, l.input_norm);
    auto heads = [&](const torch::Tensor& weight) {
      return torch::linear(h, weight).view({batch, steps, heads_, head_dim}).transpose(1, 2);
    };
    torch::Tensor q = heads(l.q_proj), k = heads(l.k_proj), v = heads(l.v_proj);
    q = q * cos + RotateHalf(q) * sin;
    k = k * cos + RotateHalf(k) * sin;
    if (first_call) {
      cache.keys.push_back(k);
      cache.values.push_back(v);
    } else {
      cache.keys[i] = torch::cat({cache.keys[i], k}, 2);
      cache.values[i] = torch::cat({cache.values[i], v}, 2);
    }
    torch::Tensor scores =
        torch::matmul(q, cache.keys[i].transpose(2, 3)).to(torch::kFloat32) / root_head_dim;
    scores = scores.masked_fill(blocked, std::numeric_limits<float>::lowest());
    const torch::Tensor mixed =
        torch::matmul(scores.softmax(-1), cache.values[i]).transpose(1, 2).reshape({batch, steps, hidden_});
    x = x + torch::linear(mixed, l.o_proj);
    const torch::Tensor g = Norm(x, l.post_norm);
    x = x +
        torch::linear(torch::silu(torch::linear(g, l.gate_proj)) * torch::linear(g, l.up_proj), l.down_proj);
  }
  return torch::linear(Norm(x, final_norm_), lm_head_).to(torch::kFloat32);
}

std::vector<std::vector<int32_t>> BaselineGenerate(const BaselineLlama& model,
                                                   const std::vector<torch::Tensor>& contexts,
                                                   int max_new_tokens, int32_t eos_id,
                                                   BaselineCounters& counters) {
  torch::NoGradGuard no_grad;
  const auto count = static_cast<int64_t>(contexts.size());
  std::vector<int64_t> lengths;
  int64_t longest = 0;
  for (const auto& c : contexts) {
    lengths.push_back(c.size(0));
    longest = std::max(longest, c.size(0));
  }
  torch::Tensor embeds = torch::zeros({count, longest, contexts.front().size(1)});
  torch::Tensor positions = torch::ones({count, longest}, torch::kInt64);
  torch::Tensor valid = torch::zeros({count, longest}, torch::kBool);
  for (int64_t r = 0; r < count; ++r) {
    const int64_t pad = longest - lengths[r];
    embeds[r].slice(0, pad).copy_(contexts[r]);
    positions[r].slice(0, pad).copy_(torch::arange(lengths[r], torch::kInt64));
    valid[r].slice(0, pad).fill_(true);
  }
  std::vector<std::vector<int32_t>> generated(contexts.size());
  std::vector<bool> done(contexts.size(), false);
  BaselineCache cache;
  for (int step = 0; step < max_new_tokens; ++step) {
    torch::Tensor logits = model.Forward(embeds, positions, valid, cache).select(1, -1);
    if (step == 0) logits.select(1, eos_id).fill_(-std::numeric_limits<float>::infinity());
    const torch::Tensor next = logits.argmax(-1).to(torch::kCPU);
    ++counters.host_syncs;  // argmax read by the host
    std::vector<int64_t> fed(contexts.size(), 0);
    bool all_done = true;
    for (int64_t r = 0; r < count; ++r) {
      if (done[r]) continue;
      const auto id = static_cast<int32_t>(next[r].item<int64_t>());
      generated[r].push_back(id);
      fed[r] = id;
      done[r] = id == eos_id || static_cast<int>(generated[r].size()) >= max_new_tokens;
      all_done = all_done && done[r];
    }
    if (all_done) break;
    embeds = model.Embed(torch::tensor(fed, torch::kInt64)).unsqueeze(1);
    torch::Tensor step_positions = torch::empty({count, 1}, torch::kInt64);
    for (int64_t r = 0; r < count; ++r) step_positions[r][0] = lengths[r] + step;
    positions = step_positions;
    valid = torch::cat({valid, torch::ones({count, 1}, torch::kBool)}, 1);
    counters.host_syncs += 3;  // ids, positions and mask uploaded
  }
  return generated;
}

std::vector<std::pair<double, double>> BaselineScore(const BaselineLlama& model, const torch::Tensor& context,
                                                     const std::vector<std::vector<int32_t>>& candidates,
                                                     BaselineCounters& counters) {
  torch::NoGradGuard no_grad;
  const int64_t length = context.size(0);
  BaselineCache prompt_cache;
  const torch::Tensor prompt_logits = model.Forward(context.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                                    torch::ones({1, length}, torch::kBool), prompt_cache);
  const torch::Tensor after_prompt = prompt_logits[0][length - 1].log_softmax(-1).to(torch::kCPU);
  ++counters.host_syncs;
  std::vector<std::pair<double, double>> scores;
  for (const auto& ids : candidates) {
    const auto n = static_cast<int64_t>(ids.size());
    const double first = after_prompt[ids.front()].item<double>();
    double nll = -first;
    if (n > 1) {
      std::vector<int64_t> fed(ids.begin(), ids.end() - 1);
      BaselineCache cache = prompt_cache;
      const torch::Tensor logits = model.Forward(model.Embed(torch::tensor(fed, torch::kInt64)).unsqueeze(0),
                                                 (torch::arange(n - 1, torch::kInt64) + length).unsqueeze(0),
                                                 torch::ones({1, length + n - 1}, torch::kBool), cache);
      const torch::Tensor logp = logits[0].log_softmax(-1).to(torch::kCPU);
      counters.host_syncs += 2;
      for (int64_t j = 1; j < n; ++j) nll -= logp[j - 1][ids[j]].item<double>();
    }
    scores.emplace_back(nll, first);
  }
  return scores;
}

}  // namespace vleval::bench
