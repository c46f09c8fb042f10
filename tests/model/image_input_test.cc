// Reading a request's image: the file's bytes unchanged, its MIME type from
// its signature, its pixels as the decoder gives them; errors name the file.
#include "model/image_input.h"

#include <fstream>

#include <gtest/gtest.h>

#include "model/image/image_file.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(ImageInput, CarriesTheFileBytesItsMimeTypeAndThePixelsAtTheFileSize) {
  testing::TempDir dir;
  const auto path = dir.path() / "photo.jpg";  // a PNG whatever its name says
  image::testing::WriteRgbPng(path, image::testing::PatternImage(37, 21));
  auto input = ReadImageInput(path);
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->mime_type, "image/png");
  const auto bytes = image::testing::ReadBytes(path);
  ASSERT_NE(input->file_bytes, nullptr);
  EXPECT_EQ(*input->file_bytes, std::string(bytes.begin(), bytes.end()));
  EXPECT_EQ(input->pixels.width, 37);
  EXPECT_EQ(input->pixels.height, 21);
  EXPECT_EQ(input->pixels.pixels, image::DecodeImageFile(path)->pixels);
}

TEST(ImageInput, AMissingOrUnsupportedFileIsAnErrorNamingIt) {
  testing::TempDir dir;
  auto missing = ReadImageInput(dir.path() / "none.png");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("none.png"), std::string::npos) << missing.error().message;
  std::ofstream(dir.path() / "text.png") << "hello";
  auto text = ReadImageInput(dir.path() / "text.png");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("text.png: unsupported image format"), std::string::npos)
      << text.error().message;
}

TEST(ImageInput, ParallelReadingDeliversEveryFileInOrderWithItsOwnError) {
  testing::TempDir dir;
  std::vector<std::filesystem::path> paths;
  for (int i = 0; i < 9; ++i) {
    paths.push_back(dir.path() / ("i" + std::to_string(i) + ".png"));
    if (i != 4) image::testing::WriteRgbPng(paths.back(), image::testing::PatternImage(5 + i, 3));
  }
  std::vector<std::size_t> order;
  ReadImageInputsInParallel(paths, {2, 2}, [&](std::size_t k, Result<ImageInput>& result) {
    order.push_back(k);
    EXPECT_EQ(result.ok(), k != 4) << k;
    if (result.ok()) {
      EXPECT_EQ(result->pixels.width, 5 + static_cast<int>(k));
    }
  });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
}

}  // namespace
}  // namespace vleval
