#include "model/minigptv2/llama_model.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "model/minigptv2/precision.h"

namespace vleval {
namespace {

// Rotary tables cover at least this many positions (prompt plus the longest
// generation), or config.json's max_position_embeddings when larger.
constexpr int64_t kMinRotaryPositions = 8192;

// A positive integer field of config.json, or an error naming the file.
Result<int64_t> ConfigInt(const nlohmann::json& config, const std::string& key, const std::string& file) {
  const auto found = config.find(key);
  if (found == config.end() || !found->is_number_integer() || found->get<int64_t>() <= 0) {
    return Error{file + ": '" + key + "' must be a positive integer"};
  }
  return found->get<int64_t>();
}

torch::Tensor RotateHalf(const torch::Tensor& x) {
  const int64_t half = x.size(-1) / 2;
  return torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
}

}  // namespace

Result<LlamaModel> LlamaModel::Build(const TensorSource& source, const nlohmann::json& config,
                                     const std::string& config_file, TensorPlacement placement,
                                     AttentionKernel kernel) {
  int64_t sizes[5];
  const char* keys[5] = {"hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                         "vocab_size"};
  for (int i = 0; i < 5; ++i) {
    auto value = ConfigInt(config, keys[i], config_file);
    if (!value) return value.error();
    sizes[i] = *value;
  }
  const auto [hidden, layers, heads, ffn, vocab] =
      std::tuple(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
  const auto kv_heads = config.find("num_key_value_heads");
  if (kv_heads != config.end() && !(kv_heads->is_number_integer() && kv_heads->get<int64_t>() == heads)) {
    return Error{config_file +
                 ": grouped-query attention (num_key_value_heads != num_attention_heads) is not supported"};
  }
  if (hidden % heads != 0 || (hidden / heads) % 2 != 0) {
    return Error{config_file + ": hidden_size " + std::to_string(hidden) + " does not split into " +
                 std::to_string(heads) + " heads of even size"};
  }
  const auto number = [&](const char* key, double fallback) -> Result<double> {
    const auto found = config.find(key);
    if (found == config.end()) return fallback;
    if (!found->is_number() || !(found->get<double>() > 0))
      return Error{config_file + ": '" + key + "' must be a positive number"};
    return found->get<double>();
  };
  auto eps = number("rms_norm_eps", 1e-6);
  if (!eps) return eps.error();
  auto theta = number("rope_theta", 10000.0);
  if (!theta) return theta.error();
  auto max_positions = number("max_position_embeddings", 4096);
  if (!max_positions) return max_positions.error();
  LlamaModel model;
  model.hidden_ = hidden;
  model.heads_ = heads;
  model.vocab_ = vocab;
  model.rms_eps_ = *eps;
  model.placement_ = placement;
  model.kernel_ = kernel;
  const int64_t head_dim = hidden / heads;
  // HF's tables: inv_freq and position * inv_freq in float32, cos and sin in
  // float32, then cast to the compute dtype.
  const torch::Tensor inv_freq = 1.0 / torch::pow(*theta, torch::arange(0, head_dim, 2, torch::kFloat32) /
                                                              static_cast<double>(head_dim));
  const int64_t table_rows =
      std::max<int64_t>(kMinRotaryPositions, static_cast<int64_t>(std::min(*max_positions, 1e6)));
  const torch::Tensor freqs = torch::arange(table_rows, torch::kFloat32).unsqueeze(1) * inv_freq.unsqueeze(0);
  const torch::Tensor angles = torch::cat({freqs, freqs}, -1);
  model.cos_table_ = angles.cos().to(placement.device, placement.dtype);
  model.sin_table_ = angles.sin().to(placement.device, placement.dtype);
  WeightReader reader(source, placement);
  model.embed_tokens_ = reader.Take("model.embed_tokens.weight", {vocab, hidden});
  model.final_norm_ = reader.Take("model.norm.weight", {hidden});
  model.lm_head_ = reader.Take("lm_head.weight", {vocab, hidden});
  for (int64_t i = 0; i < layers; ++i) {
    const std::string p = "model.layers." + std::to_string(i) + ".";
    Layer l;
    l.input_norm = reader.Take(p + "input_layernorm.weight", {hidden});
    l.q_proj = reader.Take(p + "self_attn.q_proj.weight", {hidden, hidden});
    l.k_proj = reader.Take(p + "self_attn.k_proj.weight", {hidden, hidden});
    l.v_proj = reader.Take(p + "self_attn.v_proj.weight", {hidden, hidden});
    l.o_proj = reader.Take(p + "self_attn.o_proj.weight", {hidden, hidden});
    l.post_norm = reader.Take(p + "post_attention_layernorm.weight", {hidden});
    l.gate_proj = reader.Take(p + "mlp.gate_proj.weight", {ffn, hidden});
    l.up_proj = reader.Take(p + "mlp.up_proj.weight", {ffn, hidden});
    l.down_proj = reader.Take(p + "mlp.down_proj.weight", {hidden, ffn});
    model.layers_.push_back(std::move(l));
  }
  if (auto status = reader.status(); !status) return Error{status.message()};
  return model;
}

torch::Tensor LlamaModel::Embed(const torch::Tensor& ids) const {
  return embed_tokens_.index_select(0, ids.to(placement_.device, torch::kInt64));
}

KvCache LlamaModel::NewCache(int64_t rows, int64_t capacity) const {
  return KvCache(layer_count(), rows, heads_, capacity, hidden_ / heads_,
                 torch::TensorOptions(placement_.device).dtype(placement_.dtype));
}

torch::Tensor LlamaModel::Norm(const torch::Tensor& x, const torch::Tensor& weight) const {
  const torch::Tensor x32 = x.to(torch::kFloat32);
  const torch::Tensor normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + rms_eps_);
  TraceDtype("llama.norm.compute", normed);
  return weight * normed.to(x.scalar_type());
}

torch::Tensor LlamaModel::Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                                  const torch::Tensor& key_valid, KvCache& cache) const {
  const auto device = placement_.device;
  const int64_t batch = embeds.size(0), steps = embeds.size(1);
  const int64_t past = cache.length(), total = past + steps;
  const int64_t head_dim = hidden_ / heads_;
  const torch::Tensor flat_positions = positions.to(device, torch::kInt64).reshape({-1});
  const torch::Tensor cos = cos_table_.index_select(0, flat_positions).view({batch, 1, steps, head_dim});
  const torch::Tensor sin = sin_table_.index_select(0, flat_positions).view({batch, 1, steps, head_dim});
  // Allowed (query t, key j): key valid and j <= past + t, or j == past + t
  // (so a padding query is never fully masked). [B, 1, T or 1, total]
  torch::Tensor allowed = key_valid.to(device, torch::kBool).slice(1, 0, total).unsqueeze(1).unsqueeze(1);
  if (steps > 1) {
    const auto options = torch::TensorOptions(device).dtype(torch::kInt64);
    const torch::Tensor keys = torch::arange(total, options).unsqueeze(0);
    const torch::Tensor queries = (torch::arange(steps, options) + past).unsqueeze(1);
    allowed = (allowed & (keys <= queries)) | (keys == queries);
  }
  const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
  torch::Tensor x = embeds.to(device, placement_.dtype);
  TraceDtype("llama.embeds", x);
  for (size_t i = 0; i < layers_.size(); ++i) {
    const Layer& l = layers_[i];
    const torch::Tensor h = Norm(x, l.input_norm);
    TraceDtype("llama.norm.out", h);
    auto heads = [&](const torch::Tensor& weight) {
      return torch::linear(h, weight).view({batch, steps, heads_, head_dim}).transpose(1, 2);
    };
    torch::Tensor q = heads(l.q_proj), k = heads(l.k_proj), v = heads(l.v_proj);
    q = q * cos + RotateHalf(q) * sin;
    k = k * cos + RotateHalf(k) * sin;
    const auto [all_keys, all_values] = cache.Write(static_cast<int64_t>(i), k, v);
    TraceDtype("llama.kv_cache", all_keys);
    const torch::Tensor mixed = Attend(q, all_keys, all_values, allowed, scale, kernel_)
                                    .transpose(1, 2)
                                    .reshape({batch, steps, hidden_});
    TraceDtype("llama.attention.out", mixed);
    x = x + torch::linear(mixed, l.o_proj);
    const torch::Tensor g = Norm(x, l.post_norm);
    x = x +
        torch::linear(torch::silu(torch::linear(g, l.gate_proj)) * torch::linear(g, l.up_proj), l.down_proj);
    TraceDtype("llama.residual", x);
  }
  cache.Advance(steps);
  return Norm(x, final_norm_);
}

torch::Tensor LlamaModel::Logits(const torch::Tensor& hidden) const {
  const torch::Tensor logits = torch::linear(hidden, lm_head_);
  TraceDtype("llama.lm_head", logits);
  return logits.to(torch::kFloat32);
}

}  // namespace vleval
