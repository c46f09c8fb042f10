// The two attention kernels: the manual one (the official code's steps) and
// libtorch's fused one agree where both build, masks mean "may attend", and
// a padding query allowed only itself stays finite.
#include "model/minigptv2/attention.h"

#include <gtest/gtest.h>
#include <torch/version.h>

namespace vleval {
namespace {

struct Inputs {
  torch::Tensor q, k, v, allowed;
};

Inputs RandomInputs() {
  torch::manual_seed(5);
  Inputs in{torch::randn({2, 3, 4, 8}), torch::randn({2, 3, 6, 8}), torch::randn({2, 3, 6, 8}), {}};
  // Row 0: every key; row 1: keys 2.. only (left padding), causal in steps.
  const torch::Tensor keys = torch::arange(6).unsqueeze(0);
  const torch::Tensor queries = (torch::arange(4) + 2).unsqueeze(1);
  torch::Tensor valid = torch::ones({2, 6}, torch::kBool);
  valid[1].slice(0, 0, 2).fill_(false);
  in.allowed = (valid.unsqueeze(1).unsqueeze(1) & (keys <= queries)) | (keys == queries);
  return in;
}

TEST(Attention, ManualKernelEqualsSoftmaxOfMaskedScores) {
  const Inputs in = RandomInputs();
  const torch::Tensor out = Attend(in.q, in.k, in.v, in.allowed, 0.5, AttentionKernel::kManual);
  const torch::Tensor scores = torch::matmul(in.q, in.k.transpose(-2, -1)) * 0.5 +
                               torch::where(in.allowed, 0.0, -1e30).to(torch::kFloat32);
  EXPECT_TRUE(torch::allclose(out, torch::matmul(scores.softmax(-1), in.v), 1e-5, 1e-5));
}

TEST(Attention, MaskedKeysDoNotChangeTheOutput) {
  Inputs in = RandomInputs();
  const torch::Tensor out = Attend(in.q, in.k, in.v, in.allowed, 0.5, AttentionKernel::kManual);
  in.k[1].slice(1, 0, 2).fill_(1e4);  // row 1's padding keys
  in.v[1].slice(1, 0, 2).fill_(1e4);
  const torch::Tensor changed = Attend(in.q, in.k, in.v, in.allowed, 0.5, AttentionKernel::kManual);
  EXPECT_TRUE(torch::allclose(out[1], changed[1], 1e-5, 1e-5));
}

TEST(Attention, FusedKernelAgreesWithTheManualOne) {
  if (!FusedAttentionAvailable())
    GTEST_SKIP() << "skipped: this libtorch (" << TORCH_VERSION << ") has no fused attention";
  const Inputs in = RandomInputs();
  const torch::Tensor manual = Attend(in.q, in.k, in.v, in.allowed, 0.35, AttentionKernel::kManual);
  const torch::Tensor fused = Attend(in.q, in.k, in.v, in.allowed, 0.35, AttentionKernel::kFused);
  EXPECT_FALSE(fused.isnan().any().item<bool>());
  EXPECT_TRUE(torch::allclose(manual, fused, 1e-5, 1e-5));
  const torch::Tensor unmasked = Attend(in.q, in.k, in.v, {}, 0.35, AttentionKernel::kFused);
  EXPECT_TRUE(
      torch::allclose(unmasked, Attend(in.q, in.k, in.v, {}, 0.35, AttentionKernel::kManual), 1e-5, 1e-5));
}

TEST(Attention, KernelNamesAreParsedAndUnknownOnesRejected) {
  auto manual = ParseAttentionKernel("manual");
  ASSERT_TRUE(manual);
  EXPECT_EQ(*manual, AttentionKernel::kManual);
  auto automatic = ParseAttentionKernel("auto");
  ASSERT_TRUE(automatic);
  EXPECT_EQ(*automatic, FusedAttentionAvailable() ? AttentionKernel::kFused : AttentionKernel::kManual);
  EXPECT_EQ(ParseAttentionKernel("fused").ok(), FusedAttentionAvailable());
  auto unknown = ParseAttentionKernel("flash");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "attention kernel 'flash': expected auto, manual or fused");
}

}  // namespace
}  // namespace vleval
