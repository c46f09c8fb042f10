#include "metrics/box_iou.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(InclusivePixelIou, AOnePixelBoxMatchingItselfHasIouOne) {
  const PixelBox pixel{10, 10, 10, 10};
  EXPECT_EQ(InclusivePixelIou(pixel, pixel), 1.0);
  EXPECT_EQ(PlainIou(pixel, pixel), std::nullopt);  // zero union
}

TEST(InclusivePixelIou, AddsOneToEverySideLength) {
  const PixelBox a{0, 0, 9, 9}, b{5, 0, 14, 9};
  // inter (9-5+1)*(9-0+1) = 50, areas 100 each: 50 / 150
  EXPECT_EQ(InclusivePixelIou(a, b), 50.0 / 150.0);
  // plain: inter 4*9 = 36, areas 81 each: 36 / 126
  EXPECT_EQ(PlainIou(a, b), 36.0 / 126.0);
}

TEST(InclusivePixelIou, SmallBoxesGainSoItIsNotScaleInvariant) {
  const PixelBox a{0, 0, 2, 2}, b{1, 1, 3, 3};
  EXPECT_EQ(InclusivePixelIou(a, b), 4.0 / 14.0);
  EXPECT_EQ(PlainIou(a, b), 1.0 / 7.0);
  const PixelBox a10{0, 0, 20, 20}, b10{10, 10, 30, 30};
  EXPECT_EQ(PlainIou(a10, b10), 1.0 / 7.0);
  EXPECT_NE(InclusivePixelIou(a10, b10), InclusivePixelIou(a, b));
}

TEST(InclusivePixelIou, DisjointBoxesHaveIouZeroAndInvertedOnesAreNotClamped) {
  EXPECT_EQ(InclusivePixelIou({0, 0, 1, 1}, {5, 5, 6, 6}), 0.0);
  // Inverted prediction: negative "area" enters the union as written.
  const auto inverted = InclusivePixelIou({4, 4, 0, 0}, {0, 0, 4, 4});
  ASSERT_TRUE(inverted.has_value());
  EXPECT_EQ(*inverted, 0.0 / (9.0 + 25.0 - 0.0));
}

TEST(InclusivePixelIou, ZeroUnionIsUndefined) {
  // Area (-1+1)*(...) = 0 for both boxes and no intersection.
  EXPECT_EQ(InclusivePixelIou({0, 0, -1, 5}, {10, 0, 9, 5}), std::nullopt);
}

}  // namespace
}  // namespace vleval
