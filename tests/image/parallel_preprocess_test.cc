// The TBB preprocessing stage: every path delivered once, in input order, with
// the same pixels as the one-file path, and bad files as errors.
#include "model/image/parallel_preprocess.h"

#include <fstream>

#include <gtest/gtest.h>

#include "model/image/preprocess.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::TempDir;

std::vector<std::filesystem::path> MakeFiles(const TempDir& dir, int count) {
  std::vector<std::filesystem::path> paths;
  for (int i = 0; i < count; ++i) {
    paths.push_back(dir.path() / ("img" + std::to_string(i) + ".png"));
    if (i % 7 == 3) {
      std::ofstream(paths.back()) << "not an image";
    } else {
      testing::WriteRgbPng(paths.back(), testing::PatternImage(10 + i, 30 - i % 5));
    }
  }
  return paths;
}

TEST(PreprocessResizedInParallel, DeliversEveryImageInOrderWithSerialPixels) {
  TempDir dir;
  const auto paths = MakeFiles(dir, 24);
  std::vector<std::size_t> order;
  std::vector<Result<RgbImage>> results;
  PreprocessResizedInParallel(paths, {.size = 16, .max_in_flight = 3, .threads = 2},
                              [&](std::size_t index, Result<RgbImage>& result) {
                                order.push_back(index);
                                results.push_back(std::move(result));
                              });
  ASSERT_EQ(order.size(), paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(order[i], i);
    const auto serial = LoadResizedImage(paths[i], 16);
    ASSERT_EQ(results[i].ok(), serial.ok()) << i;
    if (serial.ok()) {
      EXPECT_EQ(results[i]->pixels, serial->pixels) << i;
    } else {
      EXPECT_EQ(results[i].error().message, serial.error().message);
      EXPECT_NE(results[i].error().message.find(paths[i].string()), std::string::npos);
    }
  }
}

TEST(PreprocessNormalizedInParallel, MatchesTheOneFilePath) {
  TempDir dir;
  const auto paths = MakeFiles(dir, 5);
  std::size_t delivered = 0;
  PreprocessNormalizedInParallel(paths, {.size = 8, .max_in_flight = 1, .threads = 0},
                                 [&](std::size_t index, Result<ChwFloatImage>& result) {
                                   const auto serial = LoadNormalizedImage(paths[index], 8);
                                   ASSERT_EQ(result.ok(), serial.ok());
                                   if (serial.ok()) {
                                     EXPECT_EQ(result->values, serial->values);
                                   }
                                   ++delivered;
                                 });
  EXPECT_EQ(delivered, 5u);
}

TEST(PreprocessResizedInParallel, EmptyListCallsNothing) {
  bool called = false;
  PreprocessResizedInParallel({}, {}, [&](std::size_t, Result<RgbImage>&) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace vleval::image
