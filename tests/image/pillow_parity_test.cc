// Parity with Pillow 9.4 + numpy/torch float32, byte for byte and bit for bit.
// scripts/make-image-goldens generates the images (sizes 1x1 .. 4000x300, up
// and down, every PNG mode, JPEG qualities 50/75/95 at 4:4:4/4:2:2/4:2:0,
// progressive, greyscale, CMYK, truncated) and Pillow's outputs at each stage
// into a temporary folder; each stage is compared on Pillow's own input, so a
// failure points at one stage. Skips when /usr/bin/python3, PIL or numpy is
// absent.
#include <cstring>
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "model/image/bicubic_resize.h"
#include "model/image/clip_normalize.h"
#include "model/image/image_file.h"
#include "model/image/preprocess.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::RunCommand;
using vleval::testing::SourceDir;
using vleval::testing::TempDir;

struct Case {
  std::string file, stem;
  int width = 0, height = 0, size = 0;
};

class PillowParity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    goldens_ = std::make_unique<TempDir>();
    const auto probe = RunCommand("/usr/bin/python3 -c 'import PIL, numpy' 2>&1");
    if (probe.exit_code != 0) {
      skip_reason_ = "skipped: /usr/bin/python3 with python3-pil and python3-numpy is needed: " + probe.out;
      return;
    }
    const auto made = RunCommand("/usr/bin/python3 " + (SourceDir() / "scripts/make-image-goldens").string() +
                                 " " + goldens_->path().string() + " 2>&1");
    // Failures here are reported by SetUp (googletest would mark the suite skipped).
    if (made.exit_code != 0) {
      setup_error_ = "scripts/make-image-goldens failed: " + made.out;
      return;
    }
    const auto manifest = ReadJsonFile(goldens_->path() / "manifest.json");
    if (!manifest.ok()) {
      setup_error_ = manifest.error().message;
      return;
    }
    for (const auto& entry : (*manifest)["cases"]) {
      cases_.push_back({entry["file"], entry["stem"], entry["width"], entry["height"], entry["size"]});
    }
  }
  static void TearDownTestSuite() { goldens_.reset(); }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    ASSERT_TRUE(setup_error_.empty()) << setup_error_;
  }

  static std::filesystem::path Golden(const std::string& name) { return goldens_->path() / name; }
  static std::string Sized(const Case& c, const std::string& what) {
    return c.stem + "." + std::to_string(c.size) + "." + what;
  }
  static RgbImage GoldenImage(const std::string& name, int width, int height) {
    return {width, height, testing::ReadBytes(Golden(name))};
  }

  static inline std::unique_ptr<TempDir> goldens_;
  static inline std::vector<Case> cases_;
  static inline std::string skip_reason_;
  static inline std::string setup_error_;
};

// "" when equal, else where the first difference is and how many there are.
std::string Difference(const std::vector<std::uint8_t>& ours, const std::vector<std::uint8_t>& pillow) {
  if (ours.size() != pillow.size()) {
    return "size " + std::to_string(ours.size()) + " vs " + std::to_string(pillow.size());
  }
  std::size_t differing = 0, first = 0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    if (ours[i] != pillow[i] && differing++ == 0) first = i;
  }
  if (differing == 0) return "";
  return std::to_string(differing) + " bytes differ, first at byte " + std::to_string(first) + ": " +
         std::to_string(ours[first]) + " vs " + std::to_string(pillow[first]);
}

std::vector<std::uint8_t> FloatBytes(const std::vector<float>& values) {
  std::vector<std::uint8_t> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

// One test (one process under ctest) so the goldens are made once; each
// stage reports its own failures.
TEST_F(PillowParity, EveryStageEqualsPillowOnEveryCase) {
  EXPECT_GE(cases_.size(), 50u);
  std::string last_file;
  for (const Case& c : cases_) {
    SCOPED_TRACE(c.file + " " + std::to_string(c.width) + "x" + std::to_string(c.height) + " -> " +
                 std::to_string(c.size));
    if (c.file != last_file) {
      last_file = c.file;
      const auto decoded = DecodeImageFile(Golden(c.file));
      ASSERT_TRUE(decoded.ok()) << decoded.error().message;
      EXPECT_EQ(decoded->width, c.width);
      EXPECT_EQ(decoded->height, c.height);
      EXPECT_EQ(Difference(decoded->pixels, testing::ReadBytes(Golden(c.stem + ".decoded.u8"))), "")
          << "decode + convert('RGB')";
    }
    const RgbImage pillow_decoded = GoldenImage(c.stem + ".decoded.u8", c.width, c.height);
    EXPECT_EQ(Difference(ResizeBicubic(pillow_decoded, c.size, c.size).pixels,
                         testing::ReadBytes(Golden(Sized(c, "resized.u8")))),
              "")
        << "bicubic resize of Pillow's decoded pixels";
    const RgbImage pillow_resized = GoldenImage(Sized(c, "resized.u8"), c.size, c.size);
    const auto normalized_golden = testing::ReadBytes(Golden(Sized(c, "normalized.f32")));
    EXPECT_EQ(Difference(FloatBytes(NormalizeClip(pillow_resized).values), normalized_golden), "")
        << "normalisation of Pillow's resized pixels";
    const auto whole = LoadNormalizedImage(Golden(c.file), c.size);
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    EXPECT_EQ(Difference(FloatBytes(whole->values), normalized_golden), "")
        << "whole transform from the file";
  }
}

}  // namespace
}  // namespace vleval::image
