// Data manifests: sha256 digests that prove which files a run saw.
#include "harness/data_manifest.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(DataManifest, Sha256MatchesTheFipsExample) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "abc.txt", std::ios::binary) << "abc";
  EXPECT_EQ(*Sha256OfFile(dir.path() / "abc.txt"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DataManifest, KeysAreRelativeToTheDataRootAndSorted) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "b");
  std::ofstream(dir.path() / "b/x.json") << "{}";
  std::ofstream(dir.path() / "a.txt") << "";
  auto manifest = BuildManifest(dir.path(), {dir.path() / "b/x.json", "a.txt", dir.path() / "b/x.json"});
  ASSERT_TRUE(manifest.ok()) << manifest.error().message;
  EXPECT_EQ(manifest->dump(),
            R"({"files":{"a.txt":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",)"
            R"("b/x.json":"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"},"version":1})");
  EXPECT_TRUE(VerifyManifest(*manifest, dir.path()).ok());
}

TEST(DataManifest, VerifyListsEveryChangedAndMissingFile) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "one") << "1";
  std::ofstream(dir.path() / "two") << "2";
  auto manifest = BuildManifest(dir.path(), {"one", "two"});
  ASSERT_TRUE(manifest.ok());
  std::ofstream(dir.path() / "one") << "changed";
  std::filesystem::remove(dir.path() / "two");
  auto status = VerifyManifest(*manifest, dir.path());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("2 of 2 files differ"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("changed: one"), std::string::npos);
  EXPECT_NE(status.message().find("missing: two"), std::string::npos);
}

}  // namespace
}  // namespace vleval
