// JPEG error handling and signature checks. Pixel parity with Pillow (all
// subsamplings, greyscale, CMYK, progressive, truncated) is in
// pillow_parity_test.cc, which needs Pillow to make its files.
#include "model/image/jpeg_decoder.h"

#include <vector>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vleval::image
