// ToTensor + Normalize(CLIP): bit patterns from numpy float32
// ((np.float32(v) / np.float32(255) - mean32) / std32, numpy 1.24.2), and the
// CHW layout.
#include "model/image/clip_normalize.h"

#include <bit>
#include <cstdint>

#include <gtest/gtest.h>

#include "tests/image/test_images.h"

namespace vleval::image {
namespace {

std::uint32_t Bits(float value) { return std::bit_cast<std::uint32_t>(value); }

TEST(ClipNormalize, ValuesAreBitIdenticalToFloat32Numpy) {
  EXPECT_EQ(Bits(ClipNormalizedValue(0, 0)), 0xbfe568dcu);
  EXPECT_EQ(Bits(ClipNormalizedValue(1, 0)), 0xbfe044b8u);
  EXPECT_EQ(Bits(ClipNormalizedValue(2, 0)), 0xbfbd77d8u);
  EXPECT_EQ(Bits(ClipNormalizedValue(0, 1)), 0xbfe38a7fu);
  EXPECT_EQ(Bits(ClipNormalizedValue(1, 1)), 0xbfde58f1u);
  EXPECT_EQ(Bits(ClipNormalizedValue(2, 1)), 0xbfbba5e1u);
  EXPECT_EQ(Bits(ClipNormalizedValue(0, 128)), 0x3d9c5620u);
  EXPECT_EQ(Bits(ClipNormalizedValue(1, 128)), 0x3e2cf36bu);
  EXPECT_EQ(Bits(ClipNormalizedValue(2, 128)), 0x3eae0dc4u);
  EXPECT_EQ(Bits(ClipNormalizedValue(0, 255)), 0x3ff71541u);
  EXPECT_EQ(Bits(ClipNormalizedValue(1, 255)), 0x4004cae5u);
  EXPECT_EQ(Bits(ClipNormalizedValue(2, 255)), 0x40095660u);
}

TEST(ClipNormalize, WritesChannelPlanesInRowMajorOrder) {
  const RgbImage image = testing::PatternImage(5, 3);
  const ChwFloatImage out = NormalizeClip(image);
  ASSERT_EQ(out.height, 3);
  ASSERT_EQ(out.width, 5);
  ASSERT_EQ(out.values.size(), 45u);
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < 3; ++y) {
      for (int x = 0; x < 5; ++x) {
        const float expected = ClipNormalizedValue(c, image.Row(y)[x * 3 + c]);
        EXPECT_EQ(Bits(out.values[(c * 3 + y) * 5 + x]), Bits(expected)) << c << y << x;
      }
    }
  }
}

}  // namespace
}  // namespace vleval::image
