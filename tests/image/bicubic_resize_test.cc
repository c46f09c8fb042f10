// Bicubic resize against outputs of Pillow 9.4.0 (Debian 12 python3-pil),
// Image.fromarray(a).resize(size, Image.BICUBIC), recorded below; the full
// parity suite is pillow_parity_test.cc.
#include "model/image/bicubic_resize.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "tests/image/test_images.h"

namespace vleval::image {
namespace {

std::vector<int> Channel(const RgbImage& image, int channel) {
  std::vector<int> values;
  for (std::size_t i = channel; i < image.pixels.size(); i += 3) values.push_back(image.pixels[i]);
  return values;
}

RgbImage Stripes() {  // 4 x 1: black, white, black, white
  RgbImage image = RgbImage::Blank(4, 1);
  for (int x : {1, 3}) image.pixels[x * 3] = image.pixels[x * 3 + 1] = image.pixels[x * 3 + 2] = 255;
  return image;
}

TEST(ResizeBicubic, ShrinkingStripesMatchesPillow) {
  EXPECT_EQ(Channel(ResizeBicubic(Stripes(), 3, 1), 0), (std::vector<int>{78, 128, 177}));
}

TEST(ResizeBicubic, GrowingStripesOvershootsAndClampsLikePillow) {
  const RgbImage out = ResizeBicubic(Stripes(), 7, 2);
  EXPECT_EQ(Channel(out, 1), (std::vector<int>{0, 87, 251, 128, 4, 168, 255, 0, 87, 251, 128, 4, 168, 255}));
}

TEST(ResizeBicubic, ShrinkingBothAxesMatchesPillow) {
  RgbImage image = RgbImage::Blank(9, 5);
  std::fill(image.pixels.begin(), image.pixels.end(), 200);
  std::uint8_t* dot = image.Row(2) + 4 * 3;
  dot[0] = 10;
  dot[1] = 20;
  dot[2] = 30;
  const RgbImage out = ResizeBicubic(image, 4, 3);
  ASSERT_EQ(out.width, 4);
  ASSERT_EQ(out.height, 3);
  EXPECT_EQ(Channel(out, 0), (std::vector<int>{200, 200, 200, 200, 203, 173, 173, 203, 200, 200, 200, 200}));
  EXPECT_EQ(Channel(out, 2), (std::vector<int>{200, 200, 200, 200, 203, 176, 176, 203, 200, 200, 200, 200}));
}

TEST(ResizeBicubic, SameSizeIsAnExactCopy) {
  const RgbImage image = testing::PatternImage(13, 11);
  EXPECT_EQ(ResizeBicubic(image, 13, 11).pixels, image.pixels);
}

TEST(ResizeBicubic, OnePixelGrowsIntoAFlatImage) {
  RgbImage image = RgbImage::Blank(1, 1);
  image.pixels = {12, 200, 77};
  const RgbImage out = ResizeBicubic(image, 448, 448);
  ASSERT_EQ(out.pixels.size(), 448u * 448u * 3u);
  for (std::size_t i = 0; i < out.pixels.size(); i += 3) {
    ASSERT_EQ(out.pixels[i], 12);
    ASSERT_EQ(out.pixels[i + 1], 200);
    ASSERT_EQ(out.pixels[i + 2], 77);
  }
}

TEST(ResizeBicubic, OnlyTheChangedAxisIsResampled) {
  const RgbImage image = testing::PatternImage(6, 5);
  const RgbImage wider = ResizeBicubic(image, 9, 5);
  const RgbImage taller = ResizeBicubic(image, 6, 8);
  // Rows of a width-only resize depend only on the same source row.
  RgbImage one_row = RgbImage::Blank(6, 1);
  std::copy(image.Row(3), image.Row(3) + 18, one_row.pixels.begin());
  const RgbImage row_alone = ResizeBicubic(one_row, 9, 1);
  EXPECT_TRUE(std::equal(row_alone.pixels.begin(), row_alone.pixels.end(), wider.Row(3)));
  EXPECT_EQ(taller.width, 6);
  EXPECT_EQ(taller.height, 8);
}

}  // namespace
}  // namespace vleval::image
