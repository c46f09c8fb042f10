// The image side of MiniGPT-v2 (minigpt_v2.py encode_img): EVA ViT, then
// ln_vision (LayerNorm eps 1e-5, computed in float32; from the checkpoint when
// it holds "ln_vision.*", else the identity affine it is created with), drop
// the CLS token, concatenate each `merge_tokens` consecutive (horizontally
// adjacent) patch tokens along features, and project with llama_proj.
// Encode is const and thread-compatible.
#pragma once

#include <torch/torch.h>

#include "core/result.h"
#include "model/minigptv2/architecture.h"
#include "model/minigptv2/eva_vit.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

class ImageEncoder {
 public:
  // `vit` holds eva_vit_g.pth's tensors; `checkpoint` the MiniGPT-v2
  // checkpoint's "model" entry (llama_proj.*, optional ln_vision.*).
  // `llm_hidden` is LLaMA's hidden size (llama_proj's output width).
  static Result<ImageEncoder> Build(const TensorSource& vit, const TensorSource& checkpoint,
                                    const MiniGptV2Architecture& arch, int64_t llm_hidden,
                                    TensorPlacement placement,
                                    AttentionKernel kernel = AttentionKernel::kManual);

  // images [B, 3, S, S] -> image embeddings [B, (S/patch)^2 / merge, llm_hidden]
  // in the compute dtype (ln_vision in float32, llama_proj in compute).
  torch::Tensor Encode(const torch::Tensor& images) const;

  // Number of image embeddings per image.
  int64_t tokens_per_image() const { return tokens_per_image_; }
  const EvaVit& vit() const { return vit_; }

 private:
  explicit ImageEncoder(EvaVit vit) : vit_(std::move(vit)) {}
  EvaVit vit_;
  torch::Tensor ln_weight_, ln_bias_, proj_weight_, proj_bias_;
  int64_t merge_ = 4;
  int64_t tokens_per_image_ = 0;
};

}  // namespace vleval
