// Model config files: the 7B defaults, the tiny test model, and errors.
#include "model/minigptv2/architecture.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(MiniGptV2Architecture, ReadsThePaperModelConfig) {
  auto arch = LoadMiniGptV2Architecture(testing::SourceDir() / "configs/models/minigptv2-7b.json");
  ASSERT_TRUE(arch) << arch.error().message;
  EXPECT_EQ(arch->vit_depth, 39);
  EXPECT_EQ(arch->vit_heads, 16);
  EXPECT_EQ(arch->image_size, 448);
  EXPECT_EQ(arch->patch_size, 14);
  EXPECT_EQ(arch->merge_tokens, 4);
  EXPECT_EQ(arch->lora_r, 64);
  EXPECT_EQ(arch->lora_alpha, 16);
}

TEST(MiniGptV2Architecture, ReadsTheTinyModelConfig) {
  auto arch = LoadMiniGptV2Architecture(testing::SourceDir() / "configs/models/minigptv2-tiny.json");
  ASSERT_TRUE(arch) << arch.error().message;
  EXPECT_EQ(arch->vit_heads, 4);
  EXPECT_EQ(arch->image_size, 112);
  EXPECT_EQ(arch->lora_r, 8);
}

Result<MiniGptV2Architecture> LoadText(const testing::TempDir& dir, const std::string& text) {
  const auto path = dir.path() / "model.json";
  std::ofstream(path) << text;
  return LoadMiniGptV2Architecture(path);
}

TEST(MiniGptV2Architecture, UnknownKeyIsAnErrorNamingTheFile) {
  testing::TempDir dir;
  auto arch = LoadText(dir, R"({"vit_heads": 16, "vit_dept": 39})");
  ASSERT_FALSE(arch);
  EXPECT_NE(arch.error().message.find("model.json"), std::string::npos);
  EXPECT_NE(arch.error().message.find("unknown key 'vit_dept'"), std::string::npos);
}

TEST(MiniGptV2Architecture, NonPositiveOrMisalignedSizesAreErrors) {
  testing::TempDir dir;
  auto zero = LoadText(dir, R"({"lora_r": 0})");
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().message.find("lora_r must be positive, got 0"), std::string::npos);
  auto misaligned = LoadText(dir, R"({"image_size": 100})");
  ASSERT_FALSE(misaligned);
  EXPECT_NE(misaligned.error().message.find("image_size 100 is not a multiple of patch_size 14"),
            std::string::npos);
}

TEST(MiniGptV2Architecture, ReadsTheArchitectureSectionOfTheModelConfigFormat) {
  testing::TempDir dir;
  auto arch = LoadText(dir, R"({"name": "m", "backend": "minigptv2", "architecture": {"lora_r": 8}})");
  ASSERT_TRUE(arch) << arch.error().message;
  EXPECT_EQ(arch->lora_r, 8);
  EXPECT_EQ(arch->vit_heads, 16);
  auto typo = LoadText(dir, R"({"name": "m", "architecture": {"lora": 8}})");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("architecture"), std::string::npos) << typo.error().message;
  EXPECT_NE(typo.error().message.find("unknown key 'lora'"), std::string::npos) << typo.error().message;
}

TEST(MiniGptV2Architecture, TakesTheTokenIdsFromSpecialTokens) {
  testing::TempDir dir;
  auto defaults = LoadText(dir, R"({"name": "m", "architecture": {}})");
  ASSERT_TRUE(defaults) << defaults.error().message;
  EXPECT_EQ(defaults->bos_id, 1);
  EXPECT_EQ(defaults->eos_id, 2);
  auto given = LoadText(dir, R"({"name": "m", "architecture": {},
      "special_tokens": {"bos_id": 7, "eos_id": 9, "image_placeholder": "<ImageHere>"}})");
  ASSERT_TRUE(given) << given.error().message;
  EXPECT_EQ(given->bos_id, 7);
  EXPECT_EQ(given->eos_id, 9);
  for (const char* bad : {R"({"architecture": {}, "special_tokens": {"bos_id": 2, "eos_id": 2}})",
                          R"({"architecture": {}, "special_tokens": {"eos_id": -1}})",
                          R"({"architecture": {}, "special_tokens": {"pad_id": 0}})",
                          R"({"architecture": {}, "special_tokens": [1, 2]})"}) {
    auto wrong = LoadText(dir, bad);
    ASSERT_FALSE(wrong) << bad;
    EXPECT_NE(wrong.error().message.find("special_tokens"), std::string::npos) << wrong.error().message;
  }
}

}  // namespace
}  // namespace vleval
