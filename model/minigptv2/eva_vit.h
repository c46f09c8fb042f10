// EVA ViT-g as MiniGPT-v2 runs it (MiniGPT-4's eva_vit.py): patch embedding
// conv, CLS token first, absolute position embedding (interpolated once at
// load from the stored grid to the input grid with torch bicubic, a = -0.75,
// align_corners false, in float32; the CLS entry kept), pre-norm blocks
// (LayerNorm eps 1e-6, attention with q and v biases only and scale
// head_dim^-0.5, exact-GELU MLP), no final norm. Width, MLP size and the stored
// grid come from the tensors; depth and heads from the architecture config.
// Dtypes follow model/minigptv2/precision.h: Conv/Linear weights in the
// compute dtype, cls_token, pos_embed, q/v biases and LayerNorms in float32,
// the residual stream in float32. Forward is const and thread-compatible.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/result.h"
#include "model/minigptv2/architecture.h"
#include "model/minigptv2/attention.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

class EvaVit {
 public:
  // Reads "cls_token", "pos_embed", "patch_embed.proj.*" and "blocks.N.*" for
  // N < vit_depth from `source` (eva_vit_g.pth keys). Extra blocks are ignored.
  static Result<EvaVit> Build(const TensorSource& source, const MiniGptV2Architecture& arch,
                              TensorPlacement placement, AttentionKernel kernel = AttentionKernel::kManual);

  // images [B, 3, S, S] (any float dtype, any device) -> tokens [B, 1 + (S/patch)^2, width]
  // in float32 (the residual stream), CLS first.
  torch::Tensor Forward(const torch::Tensor& images) const;

  int64_t width() const { return width_; }
  int64_t depth() const { return static_cast<int64_t>(blocks_.size()); }
  int64_t mlp_width() const { return blocks_.empty() ? 0 : blocks_.front().fc1_weight.size(0); }

 private:
  struct Block {
    torch::Tensor norm1_weight, norm1_bias, qkv_weight, proj_weight, proj_bias;
    torch::Tensor qkv_bias;  // [q_bias, 0, v_bias] cast to the compute dtype (undefined: none)
    torch::Tensor norm2_weight, norm2_bias, fc1_weight, fc1_bias, fc2_weight, fc2_bias;
  };
  torch::Tensor cls_token_, pos_embed_, patch_weight_, patch_bias_;
  std::vector<Block> blocks_;
  int64_t width_ = 0;
  int64_t heads_ = 0;
  int64_t patch_size_ = 0;
  TensorPlacement placement_;
  AttentionKernel kernel_ = AttentionKernel::kManual;
};

// The stored position table [1, 1 + g*g, width] resized to [1, 1 + grid*grid,
// width] as eva_vit.py's interpolate_pos_embed does (float32 out). Errors when
// the stored patch count is not a square.
Result<torch::Tensor> InterpolatePositionEmbedding(const torch::Tensor& stored, int64_t grid,
                                                   const std::string& file);

}  // namespace vleval
