// LoRA merging: W + (B @ A) * alpha / r for q_proj and v_proj, from either
// peft key spelling; a missing or mis-shaped adapter is an error.
#include "model/minigptv2/lora_merge.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

const std::string kPrefix = "llama_model.base_model.model.model.layers.0.self_attn.";

struct Fixture {
  std::map<std::string, torch::Tensor> llama = {
      {"model.layers.0.self_attn.q_proj.weight", torch::ones({3, 2})},
      {"model.layers.0.self_attn.v_proj.weight", torch::zeros({3, 2}, torch::kFloat16)}};
  std::map<std::string, torch::Tensor> checkpoint;
  MiniGptV2Architecture arch{.lora_r = 1, .lora_alpha = 2};

  void AddAdapters(const std::string& infix) {
    for (const std::string module : {"q_proj", "v_proj"}) {
      checkpoint[kPrefix + module + ".lora_A" + infix + "weight"] = torch::tensor({{1.0f, 2.0f}});
      checkpoint[kPrefix + module + ".lora_B" + infix + "weight"] = torch::tensor({{1.0f}, {0.0f}, {-1.0f}});
    }
  }
  Status Merge() { return MergeLora(llama, "llama", {&checkpoint, "ckpt.pth"}, arch, 1); }
};

// B @ A * 2 = [[2, 4], [0, 0], [-2, -4]].
const torch::Tensor kDelta = torch::tensor({{2.0f, 4.0f}, {0.0f, 0.0f}, {-2.0f, -4.0f}});

TEST(LoraMerge, Peft02SpellingAddsScaledProductKeepingDtype) {
  Fixture f;
  f.AddAdapters(".");
  ASSERT_TRUE(f.Merge());
  EXPECT_TRUE(torch::equal(f.llama["model.layers.0.self_attn.q_proj.weight"], torch::ones({3, 2}) + kDelta));
  const auto& v = f.llama["model.layers.0.self_attn.v_proj.weight"];
  EXPECT_EQ(v.scalar_type(), torch::kFloat16);
  EXPECT_TRUE(torch::equal(v.to(torch::kFloat32), kDelta));
}

TEST(LoraMerge, DefaultAdapterSpellingMergesTheSame) {
  Fixture f;
  f.AddAdapters(".default.");
  ASSERT_TRUE(f.Merge());
  EXPECT_TRUE(torch::equal(f.llama["model.layers.0.self_attn.q_proj.weight"], torch::ones({3, 2}) + kDelta));
}

TEST(LoraMerge, MissingAdapterIsAnErrorNamingFileAndKey) {
  Fixture f;
  const auto status = f.Merge();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.message(), "ckpt.pth: no LoRA weight '" + kPrefix + "q_proj.lora_A.weight' (nor '" +
                                  kPrefix +
                                  "q_proj.lora_A.default.weight'): the checkpoint does not "
                                  "hold MiniGPT-v2's adapters");
}

TEST(LoraMerge, AdapterOfAnotherRankIsAShapeError) {
  Fixture f;
  f.AddAdapters(".");
  f.arch.lora_r = 2;
  const auto status = f.Merge();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.message(),
            "ckpt.pth: tensor '" + kPrefix + "q_proj.lora_A.weight' has shape [1, 2], expected [2, 2]");
}

}  // namespace
}  // namespace vleval
