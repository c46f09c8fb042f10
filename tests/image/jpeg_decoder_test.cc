// JPEG error handling, signature checks and the truncation flag. Pixel parity with Pillow (all
// subsamplings, greyscale, CMYK, progressive, truncated) is in
// pillow_parity_test.cc, which needs Pillow to make its files.
#include "model/image/jpeg_decoder.h"

#include <vector>

#include <gtest/gtest.h>

#include "model/image/image_probe.h"
#include "tests/image/test_images.h"

namespace vleval::image {
namespace {

TEST(LooksLikeJpeg, ChecksTheStartOfImageMarker) {
  const std::vector<std::uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xE0};
  const std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G'};
  EXPECT_TRUE(LooksLikeJpeg(jpeg));
  EXPECT_FALSE(LooksLikeJpeg(png));
  EXPECT_FALSE(LooksLikeJpeg({}));
}

TEST(DecodeJpeg, GarbageAfterTheMarkerIsAnErrorNamingTheFile) {
  const std::vector<std::uint8_t> bytes = {0xFF, 0xD8, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05};
  const auto image = DecodeJpeg(bytes, "images/bad.jpg");
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().message.rfind("images/bad.jpg: cannot decode JPEG: ", 0), 0u)
      << image.error().message;
}

TEST(DecodeJpeg, FileCutInsideTheHeaderIsAnError) {
  const std::vector<std::uint8_t> bytes = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
  const auto image = DecodeJpeg(bytes, "cut.jpg");
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.error().message.find("cut.jpg"), std::string::npos);
}

TEST(DecodeJpeg, EmptyInputIsAnError) { EXPECT_FALSE(DecodeJpeg({}, "empty.jpg").ok()); }

TEST(DecodeJpeg, ACompleteFileIsNotTruncated) {
  const auto bytes = testing::EncodeJpeg(testing::PatternImage(32, 24));
  const auto image = DecodeJpeg(bytes, "whole.jpg");
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_FALSE(image->truncated);
}

TEST(DecodeJpeg, AFileCutInsideItsScanDecodesAtFullSizeMarkedTruncated) {
  for (const bool progressive : {false, true}) {
    auto bytes = testing::EncodeJpeg(testing::PatternImage(160, 120), progressive);
    bytes.resize(bytes.size() * 4 / 5);
    const auto image = DecodeJpeg(bytes, "cut.jpg");
    ASSERT_TRUE(image.ok()) << image.error().message;
    EXPECT_EQ(image->width, 160);
    EXPECT_EQ(image->height, 120);
    EXPECT_TRUE(image->truncated) << "progressive " << progressive;
  }
}

TEST(DecodeJpeg, AFileWithoutItsEoiMarkerIsTruncated) {
  auto bytes = testing::EncodeJpeg(testing::PatternImage(16, 16));
  const auto complete = DecodeJpeg(bytes, "a.jpg");
  bytes.resize(bytes.size() - 2);  // FF D9
  const auto image = DecodeJpeg(bytes, "a.jpg");
  ASSERT_TRUE(image.ok() && complete.ok());
  EXPECT_TRUE(image->truncated);
  EXPECT_EQ(image->pixels, complete->pixels);  // every pixel was there
}

TEST(DecodeJpeg, TheFlagAgreesWithTheHeaderProbeAtEveryCut) {
  const auto bytes = testing::EncodeJpeg(testing::PatternImage(20, 12));
  for (std::size_t size = bytes.size(); size > 0; --size) {
    const std::span<const std::uint8_t> cut(bytes.data(), size);
    const auto probed = ProbeImageBytes(cut, "p.jpg");
    const auto image = DecodeJpeg(cut, "p.jpg");
    if (!image.ok()) break;  // cut before the scan (the probe, reading less, may still pass)
    ASSERT_TRUE(probed.ok()) << size << ": " << probed.error().message;
    EXPECT_EQ(image->truncated, probed->truncated) << "cut at " << size << " of " << bytes.size();
  }
}

}  // namespace
}  // namespace vleval::image
