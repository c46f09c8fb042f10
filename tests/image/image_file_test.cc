// Opening files by signature, with errors that name the path.
#include "model/image/image_file.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::TempDir;

TEST(DecodeImageFile, RecognisesPngWhateverTheExtension) {
  TempDir dir;
  const RgbImage pattern = testing::PatternImage(7, 4);
  testing::WriteRgbPng(dir.path() / "named.jpg", pattern);
  const auto image = DecodeImageFile(dir.path() / "named.jpg");
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(image->pixels, pattern.pixels);
}

TEST(DecodeImageFile, UnsupportedFormatNamesThePathAndFirstBytes) {
  TempDir dir;
  std::ofstream(dir.path() / "x.gif") << "GIF89a....";
  const auto image = DecodeImageFile(dir.path() / "x.gif");
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().message, (dir.path() / "x.gif").string() +
                                       ": unsupported image format (supported: JPEG, PNG); file starts with "
                                       "4749463839612e2e");
}

TEST(DecodeImageFile, MissingFileIsAnErrorNamingIt) {
  const auto image = DecodeImageFile("/nonexistent/dir/img.png");
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.error().message.find("/nonexistent/dir/img.png"), std::string::npos);
}

TEST(DecodeImageFile, EmptyFileIsAnError) {
  TempDir dir;
  std::ofstream(dir.path() / "empty.png").flush();
  const auto image = DecodeImageFile(dir.path() / "empty.png");
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.error().message.find("(empty file)"), std::string::npos);
}

}  // namespace
}  // namespace vleval::image
