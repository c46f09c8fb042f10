// The precision policy of model/minigptv2/precision.h, intermediate by
// intermediate: bfloat16 on CPU stands in for float16 (same policy, and CPU
// has the bf16 kernels), float32 keeps every tensor in float32.
#include "model/minigptv2/precision.h"

#include <gtest/gtest.h>

#include "model/minigptv2/image_encoder.h"
#include "model/minigptv2/llama_model.h"
#include "tests/model/random_minigptv2.h"

namespace vleval {
namespace {

using torch::kBFloat16;
using torch::kFloat32;

// Every dtype recorded under `name`, which must have run at least once.
void ExpectAll(const DtypeTrace& trace, const std::string& name, torch::ScalarType dtype) {
  const auto dtypes = trace.DtypesOf(name);
  ASSERT_FALSE(dtypes.empty()) << name << " never ran";
  for (const auto seen : dtypes) EXPECT_EQ(seen, dtype) << name;
}

struct EncodedRun {
  DtypeTrace trace;
  torch::Tensor image_embeds, logits;
};

// Encodes one random image and runs the LLaMA over [image embedding, 2 tokens].
void RunModel(torch::ScalarType compute, EncodedRun& run) {
  const auto vit = testing::RandomVitWeights();
  const auto projector = testing::RandomProjectorWeights();
  const auto llama_weights = testing::RandomLlamaWeights();
  const TensorPlacement placement{torch::kCPU, compute};
  auto encoder = ImageEncoder::Build({&vit, "vit"}, {&projector, "checkpoint"},
                                     testing::RandomVitArchitecture(), testing::kLlamaHidden, placement);
  ASSERT_TRUE(encoder) << encoder.error().message;
  auto llama =
      LlamaModel::Build({&llama_weights, "llama"}, testing::RandomLlamaConfig(), "config.json", placement);
  ASSERT_TRUE(llama) << llama.error().message;
  c10::InferenceMode inference;
  torch::manual_seed(3);
  run.image_embeds = encoder->Encode(torch::randn({1, 3, 28, 28}));
  const torch::Tensor context =
      torch::cat({run.image_embeds[0], llama->Embed(torch::tensor({4, 9}, torch::kInt64))}).unsqueeze(0);
  KvCache cache = llama->NewCache(1, 3);
  run.logits = llama->Logits(
      llama->Forward(context, torch::arange(3).unsqueeze(0), torch::ones({1, 3}, torch::kBool), cache));
}

TEST(PrecisionPolicy, ReducedPrecisionKeepsTheVitResidualNormsAndSoftmaxInFloat32) {
  EncodedRun run;
  RunModel(kBFloat16, run);
  const DtypeTrace& t = run.trace;
  ExpectAll(t, "vit.patch_embed", kBFloat16);
  ExpectAll(t, "vit.residual", kFloat32);
  ExpectAll(t, "vit.layer_norm", kFloat32);
  ExpectAll(t, "vit.qkv", kBFloat16);
  ExpectAll(t, "vit.mlp.hidden", kBFloat16);
  ExpectAll(t, "image.ln_vision", kFloat32);
  ExpectAll(t, "image.llama_proj", kBFloat16);
  ExpectAll(t, "attention.scores", kBFloat16);
  ExpectAll(t, "attention.softmax", kFloat32);
  EXPECT_EQ(run.image_embeds.scalar_type(), kBFloat16);
}

TEST(PrecisionPolicy, ReducedPrecisionRunsLlamaInTheComputeDtypeWithFloat32Norms) {
  EncodedRun run;
  RunModel(kBFloat16, run);
  const DtypeTrace& t = run.trace;
  ExpectAll(t, "llama.embeds", kBFloat16);
  ExpectAll(t, "llama.norm.compute", kFloat32);
  ExpectAll(t, "llama.norm.out", kBFloat16);
  ExpectAll(t, "llama.kv_cache", kBFloat16);
  ExpectAll(t, "llama.attention.out", kBFloat16);
  ExpectAll(t, "llama.residual", kBFloat16);
  ExpectAll(t, "llama.lm_head", kBFloat16);
  EXPECT_EQ(run.logits.scalar_type(), kFloat32);
}

TEST(PrecisionPolicy, Float32KeepsEveryIntermediateInFloat32) {
  EncodedRun run;
  RunModel(kFloat32, run);
  ASSERT_FALSE(run.trace.seen().empty());
  for (const auto& [name, dtype] : run.trace.seen()) EXPECT_EQ(dtype, kFloat32) << name;
}

TEST(PrecisionPolicy, ReducedPrecisionStaysCloseToFloat32) {
  EncodedRun exact, reduced;
  RunModel(kFloat32, exact);
  RunModel(kBFloat16, reduced);
  const double scale = exact.logits.abs().max().item<double>();
  EXPECT_LE((reduced.logits - exact.logits).abs().max().item<double>(), 0.05 * scale);
}

TEST(DtypeTrace, RecordsOnlyWhileActiveAndNests) {
  const torch::Tensor x = torch::zeros({1});
  TraceDtype("before", x);
  DtypeTrace outer;
  {
    DtypeTrace inner;
    TraceDtype("inner", x);
    EXPECT_EQ(inner.seen().size(), 1u);
  }
  TraceDtype("outer", x.to(kBFloat16));
  ASSERT_EQ(outer.seen().size(), 1u);
  EXPECT_EQ(outer.seen()[0].first, "outer");
  EXPECT_EQ(outer.DtypesOf("outer"), std::vector<torch::ScalarType>{kBFloat16});
}

}  // namespace
}  // namespace vleval
