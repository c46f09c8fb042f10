#include "model/weights/mapped_file.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(MappedFileTest, MapsTheWholeFileAndWritesNeverReachIt) {
  testing::TempDir dir;
  const auto path = dir.path() / "w.bin";
  std::ofstream(path, std::ios::binary) << "weights";
  {
    auto file = MappedFile::Open(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_EQ((*file)->bytes(), "weights");
    (*file)->data()[0] = std::byte{'X'};  // copy-on-write: private to this mapping
    EXPECT_EQ((*file)->bytes(), "Xeights");
  }
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "weights");
}

TEST(MappedFileTest, EmptyFileMapsToNoBytes) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "empty");
  auto file = MappedFile::Open(dir.path() / "empty");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ((*file)->size(), 0u);
}

TEST(MappedFileTest, MissingFileAndFolderAreErrorsNamingThePath) {
  testing::TempDir dir;
  auto missing = MappedFile::Open(dir.path() / "absent.safetensors");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("absent.safetensors: cannot open"), std::string::npos);
  auto folder = MappedFile::Open(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace vleval
