// PNG and JPEG files written by the project are valid: checked with Pillow
// (/usr/bin/python3) when present, else by their signatures.
#include "benchmarks/image_writer.h"

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(ImageWriter, PngAndJpegStartWithTheirSignatures) {
  testing::TempDir dir;
  RgbImage image(5, 3, 10, 20, 30);
  ASSERT_TRUE(WritePng(dir.path() / "a/x.png", image).ok());
  ASSERT_TRUE(WriteJpeg(dir.path() / "b/x.jpg", image).ok());
  EXPECT_EQ(ReadTextFile(dir.path() / "a/x.png")->substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(ReadTextFile(dir.path() / "b/x.jpg")->substr(0, 3), "\xff\xd8\xff");
}

TEST(ImageWriter, PillowReadsBackTheExactPngPixels) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "skipped: /usr/bin/python3 is absent";
  if (testing::RunCommand("/usr/bin/python3 -c 'import PIL'").exit_code != 0) {
    GTEST_SKIP() << "skipped: Pillow is absent";
  }
  testing::TempDir dir;
  RgbImage image(4, 2, 0, 0, 0);
  image.FillRect(1, 0, 3, 1, 200, 100, 50);
  ASSERT_TRUE(WritePng(dir.path() / "x.png", image).ok());
  ASSERT_TRUE(WriteJpeg(dir.path() / "x.jpg", image).ok());
  const auto result = testing::RunCommand(
      "/usr/bin/python3 -c \"from PIL import Image; a=Image.open('" + (dir.path() / "x.png").string() +
      "'); b=Image.open('" + (dir.path() / "x.jpg").string() +
      "'); print(a.mode, a.size, list(a.getdata())[:3], b.format, b.size)\"");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "RGB (4, 2) [(0, 0, 0), (200, 100, 50), (200, 100, 50)] JPEG (4, 2)\n");
}

TEST(ImageWriter, UnwritablePathIsAnErrorNamingIt) {
  RgbImage image(1, 1, 0, 0, 0);
  auto status = WritePng("/proc/vleval-no/x.png", image);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/proc/vleval-no/x.png"), std::string::npos);
}

}  // namespace
}  // namespace vleval
