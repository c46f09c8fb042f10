#include "model/weights/zip_directory.h"

#include <fstream>

#include <gtest/gtest.h>

#include "model/weights/mapped_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

// Writes a zip with Python's zipfile (no torch needed): one stored entry
// "a/data.pkl" and one deflated entry "a/big".
std::filesystem::path MakeZip(const std::filesystem::path& dir) {
  const auto path = dir / "t.zip";
  const std::string script =
      "import zipfile,sys\n"
      "z=zipfile.ZipFile(sys.argv[1],'w')\n"
      "z.writestr(zipfile.ZipInfo('a/data.pkl'),b'hello stored')\n"
      "z.writestr('a/big',b'x'*1000,compress_type=zipfile.ZIP_DEFLATED)\n"
      "z.close()\n";
  std::ofstream(dir / "make.py") << script;
  if (testing::RunCommand("/usr/bin/python3 " + (dir / "make.py").string() + " " + path.string()).exit_code !=
      0) {
    return {};
  }
  return path;
}

TEST(ZipDirectoryTest, StoredEntryIsReadInPlaceAndCompressedEntryIsRefused) {
  testing::TempDir dir;
  const auto path = MakeZip(dir.path());
  if (path.empty()) GTEST_SKIP() << "/usr/bin/python3 cannot write a zip";
  auto file = MappedFile::Open(path);
  ASSERT_TRUE(file.ok());
  auto zip = ZipDirectory::Read((*file)->bytes(), path.string());
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  ASSERT_EQ(zip->entries().size(), 2u);
  auto stored = zip->EntryBytes("a/data.pkl");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, "hello stored");
  auto compressed = zip->EntryBytes("a/big");
  ASSERT_FALSE(compressed.ok());
  EXPECT_EQ(compressed.error().message, path.string() +
                                            ": entry 'a/big' is compressed with method 8; only stored "
                                            "entries are read (torch.save writes them uncompressed)");
  EXPECT_FALSE(zip->EntryBytes("a/none").ok());
}

// Appends `value` as `bytes` little-endian bytes.
void Put(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A zip64 archive as PyTorch's writer lays out files over 4 GB: one stored
// entry "z/data.pkl" whose central-directory sizes and offset are 0xFFFFFFFF
// with the real values in the zip64 extra field, a zip64 end-of-directory
// record and locator, and a classic end record full of 0xFFFF markers.
std::string Zip64Archive(const std::string& payload, std::uint64_t padding) {
  const std::string name = "z/data.pkl";
  std::string zip(padding, '\0');  // the entry does not start at offset 0
  const std::uint64_t local = zip.size();
  Put(zip, 0x04034b50, 4);
  Put(zip, 45, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 4);
  Put(zip, 0, 4);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, name.size(), 2);
  Put(zip, 4, 2);
  zip += name;
  Put(zip, 0xFFFF, 2);
  Put(zip, 0, 2);  // an unrelated extra field in the local header
  zip += payload;
  const std::uint64_t directory = zip.size();
  Put(zip, 0x02014b50, 4);
  Put(zip, 45, 2);
  Put(zip, 45, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 4);
  Put(zip, 0, 4);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, name.size(), 2);
  Put(zip, 4 + 24, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 4);
  Put(zip, 0xFFFFFFFF, 4);
  zip += name;
  Put(zip, 0x0001, 2);
  Put(zip, 24, 2);
  Put(zip, payload.size(), 8);
  Put(zip, payload.size(), 8);
  Put(zip, local, 8);
  const std::uint64_t directory_size = zip.size() - directory;
  const std::uint64_t record = zip.size();
  Put(zip, 0x06064b50, 4);
  Put(zip, 44, 8);
  Put(zip, 45, 2);
  Put(zip, 45, 2);
  Put(zip, 0, 4);
  Put(zip, 0, 4);
  Put(zip, 1, 8);
  Put(zip, 1, 8);
  Put(zip, directory_size, 8);
  Put(zip, directory, 8);
  Put(zip, 0x07064b50, 4);
  Put(zip, 0, 4);
  Put(zip, record, 8);
  Put(zip, 1, 4);
  Put(zip, 0x06054b50, 4);
  Put(zip, 0xFFFF, 2);
  Put(zip, 0xFFFF, 2);
  Put(zip, 0xFFFF, 2);
  Put(zip, 0xFFFF, 2);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, 0xFFFFFFFF, 4);
  Put(zip, 0, 2);
  return zip;
}

TEST(ZipDirectoryTest, Zip64SizesAndOffsetsComeFromTheExtraField) {
  const std::string zip = Zip64Archive("payload bytes", 100);
  auto directory = ZipDirectory::Read(zip, "big.bin");
  ASSERT_TRUE(directory.ok()) << directory.error().message;
  ASSERT_EQ(directory->entries().size(), 1u);
  EXPECT_EQ(directory->entries()[0].data_offset, 100u + 30 + 10 + 4);
  auto bytes = directory->EntryBytes("z/data.pkl");
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, "payload bytes");
}

TEST(ZipDirectoryTest, NonZipAndTruncatedArchivesAreErrors) {
  EXPECT_FALSE(ZipDirectory::Read("definitely not a zip archive at all", "x").ok());
  testing::TempDir dir;
  const auto path = MakeZip(dir.path());
  if (path.empty()) GTEST_SKIP() << "/usr/bin/python3 cannot write a zip";
  auto file = MappedFile::Open(path);
  ASSERT_TRUE(file.ok());
  const auto bytes = (*file)->bytes();
  EXPECT_FALSE(ZipDirectory::Read(bytes.substr(0, bytes.size() - 30), "x").ok());
  EXPECT_FALSE(ZipDirectory::Read(bytes.substr(30), "x").ok());
}

}  // namespace
}  // namespace vleval
