#include "model/minigptv2/llama_model.h"

#include <cmath>
#include <limits>

namespace vleval {
namespace {

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
                                     const std::string& config_file, TensorPlacement placement) {
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
  if (config.value("num_key_value_heads", heads) != heads) {
    return Error{config_file +
                 ": grouped-query attention (num_key_value_heads != num_attention_heads) is not supported"};
  }
  if (hidden % heads != 0 || (hidden / heads) % 2 != 0) {
    return Error{config_file + ": hidden_size " + std::to_string(hidden) + " does not split into " +
                 std::to_string(heads) + " heads of even size"};
  }
  LlamaModel model;
  model.hidden_ = hidden;
  model.heads_ = heads;
  model.vocab_ = vocab;
  model.rms_eps_ = config.value("rms_norm_eps", 1e-6);
  model.placement_ = placement;
  const int64_t head_dim = hidden / heads;
  const double theta = config.value("rope_theta", 10000.0);
  model.inv_freq_ = (1.0 / torch::pow(theta, torch::arange(0, head_dim, 2, torch::kFloat32) /
                                                 static_cast<double>(head_dim)))
                        .to(placement.device);
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

torch::Tensor LlamaModel::Norm(const torch::Tensor& x, const torch::Tensor& weight) const {
  const torch::Tensor x32 = x.to(torch::kFloat32);
  const torch::Tensor normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + rms_eps_);
  return weight * normed.to(x.scalar_type());
}

torch::Tensor LlamaModel::Forward(const torch::Tensor& embeds, const torch::Tensor& positions,
                                  const torch::Tensor& key_valid, KvCache& cache) const {
  const auto device = placement_.device;
  const int64_t batch = embeds.size(0), steps = embeds.size(1);
  const int64_t past = cache.length(), total = past + steps;
  const int64_t head_dim = hidden_ / heads_;
  // Rotary tables [B, 1, T, head_dim].
  const torch::Tensor freqs = positions.to(device, torch::kFloat32).unsqueeze(-1) * inv_freq_;
  const torch::Tensor angles = torch::cat({freqs, freqs}, -1).unsqueeze(1);
  const torch::Tensor cos = angles.cos().to(placement_.dtype), sin = angles.sin().to(placement_.dtype);
  // Allowed (query t, key j): key valid and j <= past + t. [B, 1, T, S]
  const torch::Tensor causal = torch::arange(total, torch::TensorOptions(device)).unsqueeze(0) <=
                               (torch::arange(steps, torch::TensorOptions(device)) + past).unsqueeze(1);
  const torch::Tensor blocked =
      torch::logical_not(causal.unsqueeze(0) & key_valid.to(device, torch::kBool).unsqueeze(1)).unsqueeze(1);
  const double root_head_dim = std::sqrt(static_cast<double>(head_dim));
  const bool first_call = cache.keys.empty();
  torch::Tensor x = embeds.to(device, placement_.dtype);
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
    const torch::Tensor mixed = torch::matmul(scores.softmax(-1).to(placement_.dtype), cache.values[i])
                                    .transpose(1, 2)
                                    .reshape({batch, steps, hidden_});
    x = x + torch::linear(mixed, l.o_proj);
    const torch::Tensor g = Norm(x, l.post_norm);
    x = x +
        torch::linear(torch::silu(torch::linear(g, l.gate_proj)) * torch::linear(g, l.up_proj), l.down_proj);
  }
  return torch::linear(Norm(x, final_norm_), lm_head_).to(torch::kFloat32);
}

}  // namespace vleval
