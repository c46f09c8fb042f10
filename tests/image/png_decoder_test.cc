// PNG to RGB with Pillow's convert('RGB') rules, on PNGs written with libpng
// (the Pillow parity suite covers the same modes on Pillow's own outputs).
#include "model/image/png_decoder.h"

#include <algorithm>

#include <png.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include "model/image/image_probe.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::TempDir;

Result<RgbImage> Decode(const std::string& bytes) {
  return DecodePng({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, "test.png");
}

std::vector<int> Pixels(const RgbImage& image) { return {image.pixels.begin(), image.pixels.end()}; }

TEST(DecodePng, SixteenBitGreyIsClampedNotScaled) {
  TempDir dir;
  const auto png = testing::WritePng(dir.path() / "g.png", 3, 1, PNG_COLOR_TYPE_GRAY, 16, {100, 254, 1000});
  const auto image = Decode(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(Pixels(*image), (std::vector<int>{100, 100, 100, 254, 254, 254, 255, 255, 255}));
}

TEST(DecodePng, LowBitGreyIsScaledToFullRange) {
  TempDir dir;
  const auto two_bit =
      Decode(testing::WritePng(dir.path() / "g2.png", 4, 1, PNG_COLOR_TYPE_GRAY, 2, {0, 1, 2, 3}));
  ASSERT_TRUE(two_bit.ok());
  EXPECT_EQ(Pixels(*two_bit), (std::vector<int>{0, 0, 0, 85, 85, 85, 170, 170, 170, 255, 255, 255}));
  const auto one_bit = Decode(testing::WritePng(dir.path() / "g1.png", 2, 1, PNG_COLOR_TYPE_GRAY, 1, {1, 0}));
  ASSERT_TRUE(one_bit.ok());
  EXPECT_EQ(Pixels(*one_bit), (std::vector<int>{255, 255, 255, 0, 0, 0}));
}

TEST(DecodePng, SixteenBitColourKeepsTheHighByteAndDropsAlpha) {
  TempDir dir;
  const auto png = testing::WritePng(dir.path() / "c.png", 1, 1, PNG_COLOR_TYPE_RGB_ALPHA, 16,
                                     {0x12FF, 0x3400, 0xABCD, 0x0001});
  const auto image = Decode(png);
  ASSERT_TRUE(image.ok());
  EXPECT_EQ(Pixels(*image), (std::vector<int>{0x12, 0x34, 0xAB}));
}

TEST(DecodePng, GreyAlphaDropsAlphaWithoutCompositing) {
  TempDir dir;
  const auto image =
      Decode(testing::WritePng(dir.path() / "la.png", 1, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8, {200, 0}));
  ASSERT_TRUE(image.ok());
  EXPECT_EQ(Pixels(*image), (std::vector<int>{200, 200, 200}));
}

TEST(DecodePng, PaletteIndicesPastThePaletteReadPillowsGreyRamp) {
  TempDir dir;
  const auto png = testing::WritePng(dir.path() / "p.png", 3, 1, PNG_COLOR_TYPE_PALETTE, 4, {1, 0, 9},
                                     {10, 20, 30, 40, 50, 60});
  const auto image = Decode(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(Pixels(*image), (std::vector<int>{40, 50, 60, 10, 20, 30, 9, 9, 9}));
}

TEST(DecodePng, FileCutInsideTheImageDataKeepsTheCompleteRowsAndZeroesTheRest) {
  TempDir dir;
  const RgbImage pattern = testing::PatternImage(40, 30);
  testing::WriteRgbPng(dir.path() / "t.png", pattern);
  const auto bytes = testing::ReadBytes(dir.path() / "t.png");
  const auto image = DecodePng({bytes.data(), bytes.size() / 2}, "t.png");
  ASSERT_TRUE(image.ok()) << image.error().message;
  ASSERT_EQ(image->height, 30);
  int complete = 0;
  while (complete < 30 &&
         std::equal(image->Row(complete), image->Row(complete) + 120, pattern.Row(complete))) {
    ++complete;
  }
  EXPECT_GT(complete, 0);
  EXPECT_LT(complete, 30);
  EXPECT_TRUE(std::all_of(image->Row(complete + 1), image->Row(30), [](std::uint8_t v) { return v == 0; }));
}

TEST(DecodePng, TheTruncatedFlagMarksAFileWithoutIend) {
  TempDir dir;
  testing::WriteRgbPng(dir.path() / "t.png", testing::PatternImage(40, 30));
  const auto bytes = testing::ReadBytes(dir.path() / "t.png");
  const auto whole = DecodePng(bytes, "t.png");
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->truncated);
  const auto no_end = DecodePng({bytes.data(), bytes.size() - 12}, "t.png");  // IEND is 12 bytes
  ASSERT_TRUE(no_end.ok());
  EXPECT_TRUE(no_end->truncated);
  EXPECT_EQ(no_end->pixels, whole->pixels);
  const auto cut = DecodePng({bytes.data(), bytes.size() / 2}, "t.png");
  ASSERT_TRUE(cut.ok());
  EXPECT_TRUE(cut->truncated);
  EXPECT_EQ(cut->width, 40);
}

TEST(DecodePng, TheFlagAgreesWithTheHeaderProbeAtEveryCut) {
  TempDir dir;
  testing::WriteRgbPng(dir.path() / "p.png", testing::PatternImage(9, 7));
  const auto bytes = testing::ReadBytes(dir.path() / "p.png");
  for (std::size_t size = bytes.size(); size > 0; --size) {
    const std::span<const std::uint8_t> cut(bytes.data(), size);
    const auto probed = ProbeImageBytes(cut, "p.png");
    const auto image = DecodePng(cut, "p.png");
    if (!image.ok()) break;  // cut before the image data
    ASSERT_TRUE(probed.ok()) << size << ": " << probed.error().message;
    EXPECT_EQ(image->truncated, probed->truncated) << "cut at " << size << " of " << bytes.size();
  }
}

TEST(DecodePng, FileCutBeforeTheImageDataIsAnErrorNamingIt) {
  TempDir dir;
  testing::WriteRgbPng(dir.path() / "t.png", testing::PatternImage(40, 30));
  const auto bytes = testing::ReadBytes(dir.path() / "t.png");
  const auto image = DecodePng({bytes.data(), 40}, "dir/t.png");  // signature + IHDR + a little
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().message, "dir/t.png: cannot decode PNG: file is truncated before the image data");
}

TEST(DecodePng, CorruptChecksumIsAnError) {
  TempDir dir;
  testing::WriteRgbPng(dir.path() / "c.png", testing::PatternImage(4, 4));
  auto bytes = testing::ReadBytes(dir.path() / "c.png");
  bytes[20] ^= 0xFF;  // inside IHDR's data: its CRC no longer matches
  const auto image = DecodePng(bytes, "c.png");
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.error().message.find("c.png: cannot decode PNG"), std::string::npos);
}

TEST(DecodePng, HugeDimensionsAreRefusedBeforeAllocating) {
  // Signature + IHDR for 100000 x 100000 8-bit RGB: Pillow's bomb limit.
  std::vector<std::uint8_t> bytes = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
  const std::vector<std::uint8_t> ihdr = {'I', 'H',  'D',  'R', 0, 1, 0x86, 0xA0, 0,
                                          1,   0x86, 0xA0, 8,   2, 0, 0,    0};
  bytes.insert(bytes.end(), ihdr.begin(), ihdr.end());
  const auto crc = crc32(0, ihdr.data(), static_cast<unsigned>(ihdr.size()));
  for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<std::uint8_t>(crc >> shift));
  const std::vector<std::uint8_t> idat = {0, 0, 0, 0, 'I', 'D', 'A', 'T', 0x35, 0xAF, 0x06, 0x1E};
  bytes.insert(bytes.end(), idat.begin(), idat.end());
  const auto image = DecodePng(bytes, "bomb.png");
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().message, "bomb.png: cannot decode PNG: image exceeds the decompression-bomb limit");
}

TEST(LooksLikePng, ChecksTheSignature) {
  const std::uint8_t png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  const std::uint8_t jpeg[8] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0};
  EXPECT_TRUE(LooksLikePng(png));
  EXPECT_FALSE(LooksLikePng(jpeg));
  EXPECT_FALSE(LooksLikePng(std::span<const std::uint8_t>(png, 4)));
}

}  // namespace
}  // namespace vleval::image
