// EVA ViT-g as MiniGPT-v2 runs it (MiniGPT-4's eva_vit.py): patch embedding
// conv, CLS token first, absolute position embedding (interpolated once at
// load from the stored grid to the input grid with torch bicubic, a = -0.75,
// align_corners false, in float32; the CLS entry kept), pre-norm blocks
// (LayerNorm eps 1e-6, attention with q and v biases only and scale
// head_dim^-0.5, exact-GELU MLP), no final norm. Width, MLP size and the stored
// grid come from the tensors; depth and heads from the architecture config.
// Forward is const and thread-compatible (no state changes after Build).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/result.h"
#include "model/minigptv2/architecture.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

class EvaVit {
 public:
  // Reads "cls_token", "pos_embed", "patch_embed.proj.*" and "blocks.N.*" for
  // N < vit_depth from `source` (eva_vit_g.pth keys). Extra blocks are ignored.
  static Result<EvaVit> Build(const TensorSource& source, const MiniGptV2Architecture& arch,
                              TensorPlacement placement);

  // images [B, 3, S, S] (any float dtype, any device) -> tokens [B, 1 + (S/patch)^2, width]
  // in the placement's dtype, CLS first.
  torch::Tensor Forward(const torch::Tensor& images) const;

  int64_t width() const { return width_; }

 private:
  struct Block {
    torch::Tensor norm1_weight, norm1_bias, qkv_weight, qkv_bias, proj_weight, proj_bias;
    torch::Tensor norm2_weight, norm2_bias, fc1_weight, fc1_bias, fc2_weight, fc2_bias;
  };
  torch::Tensor cls_token_, pos_embed_, patch_weight_, patch_bias_;
  std::vector<Block> blocks_;
  int64_t width_ = 0;
  int64_t heads_ = 0;
  int64_t patch_size_ = 0;
  TensorPlacement placement_;
};

// The stored position table [1, 1 + g*g, width] resized to [1, 1 + grid*grid,
// width] as eva_vit.py's interpolate_pos_embed does (float32 out). Errors when
// the stored patch count is not a square.
Result<torch::Tensor> InterpolatePositionEmbedding(const torch::Tensor& stored, int64_t grid,
                                                   const std::string& file);

}  // namespace vleval
