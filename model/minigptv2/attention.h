// Scaled dot-product attention for the ViT and LLaMA, by one of two kernels:
//   kManual  scores = (q k^T) * scale in the inputs' dtype, masked entries set
//            to the lowest float, softmax in fp32, probabilities cast back,
//            times v (what the official PyTorch code computes step by step);
//   kFused   at::scaled_dot_product_attention (libtorch >= 2.1: flash or
//            memory-efficient kernels on CUDA), same mask and scale.
// Both take q [B, H, T, D], k and v [B, H, S, D] in one dtype and return
// [B, H, T, D] in that dtype. `allowed` is bool, broadcastable to
// [B, H, T, S], true where a query may attend a key, or undefined for
// "everything". Every query row must allow at least one key (a fully masked
// row is NaN under the fused kernel): callers let padding queries attend
// themselves.
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/result.h"

namespace vleval {

enum class AttentionKernel { kManual, kFused };

// True when this build's libtorch has the fused kernel.
bool FusedAttentionAvailable();

// The kernel for "auto" (fused when available), "manual" or "fused"; an
// error for another name or "fused" without the kernel.
Result<AttentionKernel> ParseAttentionKernel(const std::string& name);

torch::Tensor Attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                     const torch::Tensor& allowed, double scale, AttentionKernel kernel);

}  // namespace vleval
