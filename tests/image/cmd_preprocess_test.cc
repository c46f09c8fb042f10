// `vleval preprocess` (harness/cli/cmd_preprocess.cc) as a user runs it: the
// .npy it writes at both stages, and its exit codes. Lives with the image
// tests because it checks the image library's output through the binary.
#include <algorithm>
#include <cstring>
#include <fstream>

#include <gtest/gtest.h>

#include "model/image/bicubic_resize.h"
#include "model/image/clip_normalize.h"
#include "model/image/npy_file.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::CommandResult;
using vleval::testing::RunCommand;
using vleval::testing::TempDir;

CommandResult Preprocess(const std::string& args) {
  return RunCommand(std::string(VLEVAL_BINARY) + " preprocess " + args);
}

class PreprocessCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    image_ = dir_.path() / "in.png";
    testing::WriteRgbPng(image_, pattern_);
  }
  std::string Out() const { return (dir_.path() / "out.npy").string(); }

  TempDir dir_;
  RgbImage pattern_ = testing::PatternImage(50, 20);
  std::filesystem::path image_;
};

TEST_F(PreprocessCommand, ResizedStageWritesUint8HeightWidthChannels) {
  const auto result = Preprocess("--image " + image_.string() + " --size 16 --stage resized --out " + Out());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto bytes = testing::ReadBytes(Out());
  const std::string header = NpyHeader("|u1", "(16, 16, 3)");
  ASSERT_EQ(bytes.size(), header.size() + 16 * 16 * 3);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + header.size()), header);
  const RgbImage expected = ResizeBicubic(pattern_, 16, 16);
  EXPECT_TRUE(std::equal(expected.pixels.begin(), expected.pixels.end(), bytes.begin() + header.size()));
}

TEST_F(PreprocessCommand, NormalizedStageDefaultsTo448AndWritesFloatChw) {
  const auto result = Preprocess("--image " + image_.string() + " --stage normalized --out " + Out());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto bytes = testing::ReadBytes(Out());
  const std::string header = NpyHeader("<f4", "(3, 448, 448)");
  ASSERT_EQ(bytes.size(), header.size() + 3 * 448 * 448 * sizeof(float));
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + header.size()), header);
  const ChwFloatImage expected = NormalizeClip(ResizeBicubic(pattern_, 448, 448));
  EXPECT_EQ(std::memcmp(bytes.data() + header.size(), expected.values.data(), expected.values.size() * 4), 0);
}

TEST_F(PreprocessCommand, UnknownStageIsAUsageError) {
  const auto result = Preprocess("--image " + image_.string() + " --stage cropped --out " + Out());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--stage must be 'resized' or 'normalized', got 'cropped'"), std::string::npos);
}

TEST_F(PreprocessCommand, MissingOutIsAUsageError) {
  const auto result = Preprocess("--image " + image_.string() + " --stage resized");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("vleval preprocess:"), std::string::npos);
}

TEST_F(PreprocessCommand, CorruptImageFailsNamingThePath) {
  const auto bad = dir_.path() / "bad.jpg";
  std::ofstream(bad) << "\xFF\xD8\xFF garbage";
  const auto result = Preprocess("--image " + bad.string() + " --stage resized --out " + Out());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("vleval preprocess: " + bad.string() + ": cannot decode JPEG"), std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(Out()));
}

}  // namespace
}  // namespace vleval::image
