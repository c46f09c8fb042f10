#include "model/image/image_probe.h"

#include <png.h>

#include <gtest/gtest.h>

#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

std::span<const std::uint8_t> Span(const std::string& bytes) {
  return {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
}

TEST(ImageProbe, PngHeaderGivesFormatAndSizeAndACompleteFile) {
  vleval::testing::TempDir dir;
  const auto png =
      testing::WritePng(dir.path() / "a.png", 5, 3, PNG_COLOR_TYPE_GRAY, 8, std::vector<int>(15, 7));
  auto info = ProbeImageBytes(Span(png), "a.png");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->format, "PNG");
  EXPECT_EQ(info->width, 5);
  EXPECT_EQ(info->height, 3);
  EXPECT_FALSE(info->truncated);
  auto cut = ProbeImageBytes(Span(png.substr(0, png.size() - 12)), "a.png");
  ASSERT_TRUE(cut.ok());
  EXPECT_TRUE(cut->truncated);
  EXPECT_FALSE(ProbeImageBytes(Span(png.substr(0, 20)), "a.png").ok());  // cut inside IHDR
}

// A baseline JPEG header: SOI, SOF0 (8-bit, height 4, width 6, 1 component),
// SOS, two bytes of entropy data (one of them a stuffed 0xFF), then EOI.
std::string Jpeg(bool with_end) {
  std::string bytes =
      std::string("\xFF\xD8", 2) + std::string("\xFF\xC0\x00\x0B\x08\x00\x04\x00\x06\x01\x01\x11\x00", 13) +
      std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10) + std::string("\x12\xFF\x00", 3);
  if (with_end) bytes += std::string("\xFF\xD9", 2);
  return bytes;
}

TEST(ImageProbe, JpegFrameHeaderGivesTheSizeAndEoiMarksACompleteFile) {
  auto info = ProbeImageBytes(Span(Jpeg(true)), "a.jpg");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->format, "JPEG");
  EXPECT_EQ(info->width, 6);
  EXPECT_EQ(info->height, 4);
  EXPECT_FALSE(info->truncated);
  auto cut = ProbeImageBytes(Span(Jpeg(false)), "a.jpg");
  ASSERT_TRUE(cut.ok());
  EXPECT_TRUE(cut->truncated);
  auto header_only = ProbeImageBytes(Span(Jpeg(true).substr(0, 8)), "a.jpg");
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.error().message.find("a.jpg: JPEG file ends inside its header"), std::string::npos);
}

TEST(ImageProbe, NonImagesZeroSizesAndBombsAreErrorsNamingTheFile) {
  auto text = ProbeImageBytes(Span("GIF89a..."), "x.gif");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message,
            "x.gif: not an image (supported: JPEG, PNG); file starts with 4749463839612e2e");
  std::string zero = Jpeg(true);
  zero[7] = zero[8] = 0;  // height 0
  EXPECT_NE(ProbeImageBytes(Span(zero), "z.jpg").error().message.find("a size of 0"), std::string::npos);
  std::string bomb = Jpeg(true);
  bomb[7] = bomb[8] = bomb[9] = bomb[10] = '\xFF';  // 65535 x 65535
  EXPECT_NE(ProbeImageBytes(Span(bomb), "b.jpg").error().message.find("decompression-bomb limit"),
            std::string::npos);
}

// Found by png_fuzz: a 4282187776 x 3495952384 IHDR overflowed the pixel count.
TEST(ImageProbe, HugeDimensionsDoNotOverflowThePixelCount) {
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\xff\x3d\x00\x00\xd0"
      "\x60\x00\x00\x05\x49\x45\x4e\x3e\x3e\x00\x00\x00\x00\x00\x00\x00\x00\x44\xae\x42\x60\x82",
      43);
  auto info = ProbeImageBytes(Span(png), "huge.png");
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.error().message.find("huge.png: image of 4282187776x3495952384 pixels exceeds the "
                                      "decompression-bomb limit"),
            std::string::npos)
      << info.error().message;
}

TEST(ImageProbe, FileThatIsNotRegularIsAnError) {
  auto info = ProbeImageFile("/dev/zero");
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.error().message.find("a device, not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace vleval::image
