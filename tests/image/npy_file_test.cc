// .npy files: the header numpy itself writes, and numpy.load reading ours.
#include "model/image/npy_file.h"

#include <bit>

#include <gtest/gtest.h>

#include "model/image/clip_normalize.h"
#include "tests/image/test_images.h"
#include "tests/support/testing.h"

namespace vleval::image {
namespace {

using vleval::testing::RunCommand;
using vleval::testing::TempDir;

constexpr const char* kPython = "/usr/bin/python3";

bool HaveNumpy() {
  return RunCommand(std::string(kPython) + " -c 'import numpy' 2>/dev/null").exit_code == 0;
}

TEST(NpyHeader, IsPaddedToSixtyFourBytesAndEndsWithNewline) {
  const std::string header = NpyHeader("|u1", "(448, 448, 3)");
  ASSERT_EQ(header.size(), 128u);
  EXPECT_EQ(header.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  EXPECT_EQ(static_cast<unsigned char>(header[8]) | (static_cast<unsigned char>(header[9]) << 8), 118);
  EXPECT_EQ(header.substr(10, 66), "{'descr': '|u1', 'fortran_order': False, 'shape': (448, 448, 3), }");
  EXPECT_EQ(header.back(), '\n');
}

TEST(NpyHeader, EqualsNumpysOwn) {
  if (!HaveNumpy()) GTEST_SKIP() << "skipped: /usr/bin/python3 with numpy is absent";
  TempDir dir;
  const auto script = "import numpy as np; np.save('" + (dir.path() / "a.npy").string() +
                      "', np.zeros((3, 17, 5), dtype='<f4'))";
  ASSERT_EQ(RunCommand(std::string(kPython) + " -c \"" + script + "\"").exit_code, 0);
  const auto bytes = testing::ReadBytes(dir.path() / "a.npy");
  const std::string numpy_header(bytes.begin(), bytes.begin() + 128);
  EXPECT_EQ(NpyHeader("<f4", "(3, 17, 5)"), numpy_header);
}

TEST(WriteNpy, NumpyLoadsBothKindsUnchanged) {
  if (!HaveNumpy()) GTEST_SKIP() << "skipped: /usr/bin/python3 with numpy is absent";
  TempDir dir;
  const RgbImage image = testing::PatternImage(5, 3);
  ASSERT_TRUE(WriteNpy(dir.path() / "u8.npy", image).ok());
  ASSERT_TRUE(WriteNpy(dir.path() / "f32.npy", NormalizeClip(image)).ok());
  const auto result =
      RunCommand(std::string(kPython) + " -c \"import numpy as np; a = np.load('" +
                 (dir.path() / "u8.npy").string() + "'); b = np.load('" + (dir.path() / "f32.npy").string() +
                 "'); print(a.dtype, a.shape, int(a[2, 4, 0]), int(a[1, 3, 2]), b.dtype, b.shape, b[0, 2, "
                 "4].view('<u4'))\"");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Pattern pixel (4, 2) red = 4 * 7 + 2 = 30; pixel (3, 1) blue = 3 ^ 1 = 2.
  const std::uint32_t red_bits = std::bit_cast<std::uint32_t>(ClipNormalizedValue(0, 30));
  EXPECT_EQ(result.out, "uint8 (3, 5, 3) 30 2 float32 (3, 3, 5) " + std::to_string(red_bits) + "\n");
}

TEST(WriteNpy, UnwritablePathIsAnErrorNamingIt) {
  const Status status = WriteNpy("/nonexistent/dir/out.npy", testing::PatternImage(1, 1));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "cannot create /nonexistent/dir/out.npy");
}

}  // namespace
}  // namespace vleval::image
