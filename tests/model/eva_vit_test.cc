// Position-embedding interpolation of the EVA ViT (done once at load).
#include "model/minigptv2/eva_vit.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(InterpolatePositionEmbedding, KeepsClsAndResizesTheGridBicubically) {
  // A 2x2 grid of constant 3 (plus CLS 7): bicubic weights sum to 1, so every
  // interpolated entry stays 3 and CLS is untouched.
  torch::Tensor stored = torch::full({1, 5, 2}, 3.0f);
  stored[0][0].fill_(7.0f);
  auto table = InterpolatePositionEmbedding(stored.to(torch::kFloat16), 4, "vit.pth");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->sizes(), torch::IntArrayRef({1, 17, 2}));
  EXPECT_EQ(table->scalar_type(), torch::kFloat32);
  EXPECT_TRUE(torch::allclose((*table)[0][0], torch::full({2}, 7.0f)));
  EXPECT_TRUE(torch::allclose(table->slice(1, 1), torch::full({1, 16, 2}, 3.0f)));
}

TEST(InterpolatePositionEmbedding, RowMajorGridIsPreservedAtTheSameSize) {
  const torch::Tensor stored = torch::arange(10, torch::kFloat32).reshape({1, 5, 2});
  auto table = InterpolatePositionEmbedding(stored, 2, "vit.pth");
  ASSERT_TRUE(table);
  EXPECT_TRUE(torch::equal(*table, stored));
}

TEST(InterpolatePositionEmbedding, NonSquarePatchCountIsAnErrorNamingTheFile) {
  auto table = InterpolatePositionEmbedding(torch::zeros({1, 7, 2}), 4, "vit.pth");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().message, "vit.pth: tensor 'pos_embed' has 6 patch positions, not a square grid");
}

}  // namespace
}  // namespace vleval
