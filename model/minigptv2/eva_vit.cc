#include "model/minigptv2/eva_vit.h"

#include <cmath>

#include "model/minigptv2/precision.h"

namespace vleval {
namespace {

constexpr double kBlockNormEps = 1e-6;

}  // namespace

Result<torch::Tensor> InterpolatePositionEmbedding(const torch::Tensor& stored, int64_t grid,
                                                   const std::string& file) {
  const int64_t patches = stored.size(1) - 1;
  const auto side = static_cast<int64_t>(std::lround(std::sqrt(static_cast<double>(patches))));
  if (side * side != patches) {
    return Error{file + ": tensor 'pos_embed' has " + std::to_string(patches) +
                 " patch positions, not a square grid"};
  }
  const torch::Tensor table = stored.to(torch::kFloat32);
  if (side == grid) return table;
  const int64_t width = table.size(2);
  torch::Tensor patch_table = table.slice(1, 1).reshape({1, side, side, width}).permute({0, 3, 1, 2});
  patch_table =
      torch::nn::functional::interpolate(patch_table, torch::nn::functional::InterpolateFuncOptions()
                                                          .size(std::vector<int64_t>{grid, grid})
                                                          .mode(torch::kBicubic)
                                                          .align_corners(false));
  patch_table = patch_table.permute({0, 2, 3, 1}).flatten(1, 2);
  return torch::cat({table.slice(1, 0, 1), patch_table}, 1);
}

Result<EvaVit> EvaVit::Build(const TensorSource& source, const MiniGptV2Architecture& arch,
                             TensorPlacement placement, AttentionKernel kernel) {
  auto probe = TakeTensor(source, "cls_token", {1, 1, -1});
  if (!probe) return probe.error();
  EvaVit vit;
  vit.width_ = probe->size(2);
  vit.heads_ = arch.vit_heads;
  vit.patch_size_ = arch.patch_size;
  vit.placement_ = placement;
  vit.kernel_ = kernel;
  const int64_t d = vit.width_;
  if (d % vit.heads_ != 0) {
    return Error{source.file + ": ViT width " + std::to_string(d) + " is not divisible by " +
                 std::to_string(vit.heads_) + " heads"};
  }
  WeightReader reader(source, placement);
  vit.cls_token_ = reader.TakeFloat("cls_token", {1, 1, d});
  vit.patch_weight_ = reader.Take("patch_embed.proj.weight", {d, 3, arch.patch_size, arch.patch_size});
  vit.patch_bias_ = reader.Take("patch_embed.proj.bias", {d});
  const torch::Tensor stored_pos = reader.TakeFloat("pos_embed", {1, -1, d});
  const auto mlp = TakeTensor(source, "blocks.0.mlp.fc1.weight", {-1, d});
  if (!mlp) return mlp.error();
  const int64_t hidden = mlp->size(0);
  for (int i = 0; i < arch.vit_depth; ++i) {
    const std::string p = "blocks." + std::to_string(i) + ".";
    Block b;
    b.norm1_weight = reader.TakeFloat(p + "norm1.weight", {d});
    b.norm1_bias = reader.TakeFloat(p + "norm1.bias", {d});
    b.qkv_weight = reader.Take(p + "attn.qkv.weight", {3 * d, d});
    const auto q_bias = reader.TakeFloat(p + "attn.q_bias", {d});
    const auto v_bias = reader.TakeFloat(p + "attn.v_bias", {d});
    if (q_bias.defined() && v_bias.defined()) {
      b.qkv_bias = torch::cat({q_bias, torch::zeros_like(v_bias), v_bias}).to(placement.dtype);
    }
    b.proj_weight = reader.Take(p + "attn.proj.weight", {d, d});
    b.proj_bias = reader.Take(p + "attn.proj.bias", {d});
    b.norm2_weight = reader.TakeFloat(p + "norm2.weight", {d});
    b.norm2_bias = reader.TakeFloat(p + "norm2.bias", {d});
    b.fc1_weight = reader.Take(p + "mlp.fc1.weight", {hidden, d});
    b.fc1_bias = reader.Take(p + "mlp.fc1.bias", {hidden});
    b.fc2_weight = reader.Take(p + "mlp.fc2.weight", {d, hidden});
    b.fc2_bias = reader.Take(p + "mlp.fc2.bias", {d});
    vit.blocks_.push_back(std::move(b));
  }
  if (auto status = reader.status(); !status) return Error{status.message()};
  auto pos = InterpolatePositionEmbedding(stored_pos, arch.image_size / arch.patch_size, source.file);
  if (!pos) return pos.error();
  vit.pos_embed_ = pos->to(placement.device, torch::kFloat32);
  return vit;
}

torch::Tensor EvaVit::Forward(const torch::Tensor& images) const {
  const auto compute = placement_.dtype;
  torch::Tensor x =
      torch::conv2d(images.to(placement_.device, compute), patch_weight_, patch_bias_, patch_size_);
  TraceDtype("vit.patch_embed", x);
  x = x.flatten(2).transpose(1, 2);
  const int64_t batch = x.size(0);
  // The fp32 cls_token promotes the stream to fp32 (torch.cat under autocast).
  x = torch::cat({cls_token_.expand({batch, -1, -1}), x.to(torch::kFloat32)}, 1) + pos_embed_;
  const int64_t tokens = x.size(1);
  const int64_t head_dim = width_ / heads_;
  const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
  for (const Block& b : blocks_) {
    torch::Tensor h = torch::layer_norm(x, {width_}, b.norm1_weight, b.norm1_bias, kBlockNormEps);
    TraceDtype("vit.layer_norm", h);
    torch::Tensor qkv = torch::linear(AsCompute(h, compute), b.qkv_weight, b.qkv_bias)
                            .reshape({batch, tokens, 3, heads_, head_dim})
                            .permute({2, 0, 3, 1, 4});
    TraceDtype("vit.qkv", qkv);
    torch::Tensor mixed =
        Attend(qkv[0], qkv[1], qkv[2], {}, scale, kernel_).transpose(1, 2).reshape({batch, tokens, width_});
    x = x + torch::linear(mixed, b.proj_weight, b.proj_bias);
    h = torch::layer_norm(x, {width_}, b.norm2_weight, b.norm2_bias, kBlockNormEps);
    const torch::Tensor hidden = torch::gelu(torch::linear(AsCompute(h, compute), b.fc1_weight, b.fc1_bias));
    TraceDtype("vit.mlp.hidden", hidden);
    x = x + torch::linear(hidden, b.fc2_weight, b.fc2_bias);
    TraceDtype("vit.residual", x);
  }
  return x;
}

}  // namespace vleval
