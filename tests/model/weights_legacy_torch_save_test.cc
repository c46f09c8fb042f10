#include "model/weights/legacy_torch_save.h"

#include <gtest/gtest.h>

#include "model/weights/mapped_file.h"
#include "tests/model/weights_fixtures.h"

namespace vleval {
namespace {

TEST(LegacyTorchSaveTest, FindsEveryStorageWithItsByteSize) {
  const auto fixtures = testing::MakeWeightFixtures();
  if (fixtures.skip) GTEST_SKIP() << fixtures.why_not;
  ASSERT_FALSE(fixtures.dir.empty()) << fixtures.why_not;
  auto file = MappedFile::Open(fixtures.dir / "vit_legacy.pth");
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(LooksLikeLegacyTorchSave((*file)->bytes()));
  auto legacy = ParseLegacyTorchSave((*file)->bytes(), "vit_legacy.pth");
  ASSERT_TRUE(legacy.ok()) << legacy.error().message;
  ASSERT_TRUE(legacy->root->is(PickleValue::Kind::kDict));
  EXPECT_EQ(legacy->root->entries.size(), fixtures.expected["vit.pth"].size());
  // 11 tensors, two of them views of one 24-float storage: 10 storages.
  ASSERT_EQ(legacy->storages.size(), 10u);
  std::size_t total = 0;
  for (const auto& [key, bytes] : legacy->storages) total += bytes.size();
  // Bytes of the storages make-weight-fixtures saves: cls_token 32, pos_embed 160,
  // patch weight (fp16) 192, patch bias (bf16) 16, norm1 32, qkv 768, q_bias 32,
  // the shared 4x6 view base 96, empty 0, scalar 4.
  EXPECT_EQ(total, 1332u);
}

TEST(LegacyTorchSaveTest, ZipFilesAndGarbageAreNotLegacy) {
  EXPECT_FALSE(LooksLikeLegacyTorchSave("PK\x03\x04"));
  auto legacy = ParseLegacyTorchSave("garbage", "x.pth");
  ASSERT_FALSE(legacy.ok());
  EXPECT_EQ(legacy.error().message, "x.pth: not a legacy torch.save file (wrong magic number)");
}

}  // namespace
}  // namespace vleval
