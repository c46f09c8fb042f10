#include "model/weights/file_digest.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(FileDigestTest, Sha256OfConcatenatedFilesMatchesTheStandardVector) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "a") << "a";
  std::ofstream(dir.path() / "bc") << "bc";
  // FIPS 180-2 example: SHA-256("abc").
  auto digest = Sha256OfFiles({dir.path() / "a", dir.path() / "bc"});
  ASSERT_TRUE(digest.ok()) << digest.error().message;
  EXPECT_EQ(*digest, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileDigestTest, MissingFileIsNamed) {
  auto digest = Sha256OfFiles({"/nonexistent/weights.bin"});
  ASSERT_FALSE(digest.ok());
  EXPECT_NE(digest.error().message.find("/nonexistent/weights.bin: cannot open"), std::string::npos);
}

}  // namespace
}  // namespace vleval
