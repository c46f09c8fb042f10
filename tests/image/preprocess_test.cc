// One file through the whole eval transform.
#include "model/image/preprocess.h"

#include <fstream>

#include <gtest/gtest.h>

#include "model/image/bicubic_resize.h"
#include "model/image/clip_normalize.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::TempDir;

TEST(LoadResizedImage, SquashesToTheSquareSizeWithBicubic) {
  TempDir dir;
  const RgbImage pattern = testing::PatternImage(64, 24);
  testing::WriteRgbPng(dir.path() / "p.png", pattern);
  const auto resized = LoadResizedImage(dir.path() / "p.png", 32);
  ASSERT_TRUE(resized.ok());
  EXPECT_EQ(resized->pixels, ResizeBicubic(pattern, 32, 32).pixels);
}

TEST(LoadNormalizedImage, DefaultsToMiniGptV2Resolution) {
  TempDir dir;
  const RgbImage pattern = testing::PatternImage(20, 30);
  testing::WriteRgbPng(dir.path() / "p.png", pattern);
  const auto normalized = LoadNormalizedImage(dir.path() / "p.png");
  ASSERT_TRUE(normalized.ok());
  EXPECT_EQ(normalized->height, 448);
  EXPECT_EQ(normalized->width, 448);
  EXPECT_EQ(normalized->values, NormalizeClip(ResizeBicubic(pattern, 448, 448)).values);
}

TEST(LoadNormalizedImage, ATruncatedFileStaysMarkedThroughResizeAndNormalisation) {
  TempDir dir;
  testing::WriteRgbPng(dir.path() / "p.png", testing::PatternImage(20, 20));
  const auto bytes = testing::ReadBytes(dir.path() / "p.png");
  std::ofstream(dir.path() / "cut.png", std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size() - 12));
  for (const int size : {20, 16}) {  // the same size (no resampling) and a resize
    const auto normalized = LoadNormalizedImage(dir.path() / "cut.png", size);
    ASSERT_TRUE(normalized.ok()) << normalized.error().message;
    EXPECT_TRUE(normalized->truncated) << size;
  }
  const auto whole = LoadNormalizedImage(dir.path() / "p.png", 16);
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->truncated);
}

TEST(LoadResizedImage, ZeroSizeIsAnErrorNamingThePath) {
  const auto resized = LoadResizedImage("some/img.png", 0);
  ASSERT_FALSE(resized.ok());
  EXPECT_EQ(resized.error().message, "some/img.png: image size must be at least 1, got 0");
}

}  // namespace
}  // namespace vleval::image
