#include "model/minigptv2/attention.h"

#include <limits>

#include <torch/version.h>

#include "model/minigptv2/precision.h"

namespace vleval {

// at::scaled_dot_product_attention takes a scale from libtorch 2.1 on.
#define VLEVAL_HAVE_FUSED_ATTENTION \
  (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1))

bool FusedAttentionAvailable() { return VLEVAL_HAVE_FUSED_ATTENTION; }

Result<AttentionKernel> ParseAttentionKernel(const std::string& name) {
  if (name == "manual") return AttentionKernel::kManual;
  if (name == "auto") return FusedAttentionAvailable() ? AttentionKernel::kFused : AttentionKernel::kManual;
  if (name == "fused") {
    if (!FusedAttentionAvailable()) {
      return Error{"attention kernel 'fused' needs libtorch 2.1 or later; this build has " +
                   std::string(TORCH_VERSION)};
    }
    return AttentionKernel::kFused;
  }
  return Error{"attention kernel '" + name + "': expected auto, manual or fused"};
}

torch::Tensor Attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                     const torch::Tensor& allowed, double scale, AttentionKernel kernel) {
#if VLEVAL_HAVE_FUSED_ATTENTION
  if (kernel == AttentionKernel::kFused) {
    if (allowed.defined()) return at::scaled_dot_product_attention(q, k, v, allowed, 0.0, false, scale);
    return at::scaled_dot_product_attention(q, k, v, {}, 0.0, false, scale);
  }
#else
  (void)kernel;
#endif
  torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1)) * scale;
  TraceDtype("attention.scores", scores);
  torch::Tensor scores32 = scores.to(torch::kFloat32);
  if (allowed.defined())
    scores32 = scores32.masked_fill(allowed.logical_not(), std::numeric_limits<float>::lowest());
  const torch::Tensor probs = scores32.softmax(-1);
  TraceDtype("attention.softmax", probs);
  return torch::matmul(probs.to(q.scalar_type()), v);
}

}  // namespace vleval
