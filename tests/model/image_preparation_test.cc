// MiniGPT-v2's image preparation from the harness's ImageInput: the same
// floats as the file-based eval transform (LoadNormalizedImage), a model
// config's "image" section read strictly, and batch preparation in parallel.
#include "model/minigptv2/image_preparation.h"

#include <fstream>

#include <gtest/gtest.h>

#include "model/image/preprocess.h"
#include "model/image_input.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(ImagePreparation, EqualsTheEvalTransformOfTheFileBitForBit) {
  testing::TempDir dir;
  for (const auto& [width, height] : {std::pair{61, 45}, std::pair{28, 28}, std::pair{9, 70}}) {
    const auto path = dir.path() / ("p" + std::to_string(width) + ".png");
    image::testing::WriteRgbPng(path, image::testing::PatternImage(width, height));
    auto input = ReadImageInput(path);
    ASSERT_TRUE(input.ok()) << input.error().message;
    ImagePreparation preparation;
    preparation.size = 28;
    auto prepared = PrepareImage(preparation, *input);
    auto expected = image::LoadNormalizedImage(path, 28);
    ASSERT_TRUE(prepared.ok() && expected.ok());
    EXPECT_EQ(prepared->height, 28);
    EXPECT_EQ(prepared->values, expected->values) << width << "x" << height;  // exact floats
  }
}

TEST(ImagePreparation, ReadsTheImageSectionAndDefaultsWithoutOne) {
  testing::TempDir dir;
  auto defaults = LoadImagePreparation({}, 224);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->size, 224);
  EXPECT_EQ(defaults->mean[0], image::kClipMean[0]);
  const auto flat = dir.path() / "flat.json";
  std::ofstream(flat) << R"({"name": "m", "architecture": {"image_size": 28}})";
  auto no_section = LoadImagePreparation(flat, 28);
  ASSERT_TRUE(no_section.ok()) << no_section.error().message;
  EXPECT_EQ(no_section->size, 28);

  const auto config = dir.path() / "model.json";
  std::ofstream(config)
      << R"({"name": "m", "image": {"size": 32, "resize": "bicubic", "mean": [0.5, 0.5, 0.5],
                              "std": [0.25, 0.5, 1]}})";
  auto section = LoadImagePreparation(config, 28);
  ASSERT_TRUE(section.ok()) << section.error().message;
  EXPECT_EQ(section->size, 32);
  EXPECT_EQ(section->std[1], 0.5);
  ImageInput input;
  input.pixels = image::RgbImage::Blank(32, 32);
  input.pixels.pixels[0] = 255;
  auto prepared = PrepareImage(*section, input);
  ASSERT_TRUE(prepared.ok());
  EXPECT_EQ(prepared->values[0], 2.0f);   // (1 - 0.5) / 0.25
  EXPECT_EQ(prepared->values[1], -2.0f);  // (0 - 0.5) / 0.25

  std::ofstream(config, std::ios::trunc) << R"({"image": {"size": 32, "resize": "bilinear"}})";
  auto bilinear = LoadImagePreparation(config, 28);
  ASSERT_FALSE(bilinear.ok());
  EXPECT_NE(bilinear.error().message.find("image.resize 'bilinear'"), std::string::npos);
  std::ofstream(config, std::ios::trunc) << R"({"image": {"sise": 32}})";
  auto typo = LoadImagePreparation(config, 28);
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("sise"), std::string::npos) << typo.error().message;
  std::ofstream(config, std::ios::trunc) << R"({"image": {"std": [1, 0, 1]}})";
  auto zero_std = LoadImagePreparation(config, 28);
  ASSERT_FALSE(zero_std.ok());
  EXPECT_NE(zero_std.error().message.find("image.std[1] must be a positive number"), std::string::npos)
      << zero_std.error().message;
}

TEST(ImagePreparation, ABatchIsPreparedInOrderAndABadImageNamesItsRequest) {
  ImagePreparation preparation;
  preparation.size = 16;
  std::vector<ImageInput> inputs(6);
  for (int i = 0; i < 6; ++i)
    inputs[static_cast<std::size_t>(i)].pixels = image::testing::PatternImage(10 + i, 12);
  std::vector<const ImageInput*> batch;
  for (const auto& input : inputs) batch.push_back(&input);
  auto prepared = PrepareImages(preparation, batch);
  ASSERT_TRUE(prepared.ok()) << prepared.error().message;
  ASSERT_EQ(prepared->size(), 6u);
  for (std::size_t i = 0; i < 6; ++i)
    EXPECT_EQ((*prepared)[i].values, PrepareImage(preparation, inputs[i])->values);
  batch[3] = nullptr;
  auto missing = PrepareImages(preparation, batch);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "request 3: no image");
}

}  // namespace
}  // namespace vleval
