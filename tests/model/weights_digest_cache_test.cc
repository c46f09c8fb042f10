#include "model/weights/digest_cache.h"

#include <fstream>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "model/weights/file_digest.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

class DigestCacheTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    const auto path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  testing::TempDir dir_;
};

TEST_F(DigestCacheTest, ASecondCallIsAnsweredFromTheCacheWithTheSameDigest) {
  const auto a = Write("a.bin", "hello "), b = Write("b.bin", "world");
  const DigestCache cache(dir_.path() / "cache" / "digests.jsonl");
  auto first = cache.Sha256OfFiles({a, b});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(cache.last_was_cached());
  EXPECT_EQ(*first, *Sha256OfFiles({a, b}));
  auto second = cache.Sha256OfFiles({a, b});
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(cache.last_was_cached());
  EXPECT_EQ(*second, *first);
  // Another order is another key (the digest is of the concatenation).
  ASSERT_TRUE(cache.Sha256OfFiles({b, a}).ok());
  EXPECT_FALSE(cache.last_was_cached());
}

TEST_F(DigestCacheTest, AChangedSizeOrModificationTimeOrInodeIsHashedAfresh) {
  const auto a = Write("a.bin", "one");
  const DigestCache cache(dir_.path() / "digests.jsonl");
  const std::string before = *cache.Sha256OfFiles({a});

  // Same size, new bytes, new mtime.
  Write("a.bin", "two");
  std::filesystem::last_write_time(a, std::filesystem::last_write_time(a) + std::chrono::seconds(5));
  auto changed = cache.Sha256OfFiles({a});
  EXPECT_FALSE(cache.last_was_cached());
  EXPECT_NE(*changed, before);
  EXPECT_EQ(*changed, *Sha256OfFiles({a}));

  // Replaced by another file (new inode) with the old bytes and mtime.
  const auto mtime = std::filesystem::last_write_time(a);
  const auto other = Write("other.bin", "one");
  std::filesystem::rename(other, a);
  std::filesystem::last_write_time(a, mtime);
  auto replaced = cache.Sha256OfFiles({a});
  EXPECT_FALSE(cache.last_was_cached());
  EXPECT_EQ(*replaced, before);
}

TEST_F(DigestCacheTest, TornOrForeignLinesAreIgnoredAndNoCacheMeansHashing) {
  const auto a = Write("a.bin", "bytes");
  const auto cache_file = Write("digests.jsonl", "{\"key\": 3}\nnot json\n{\"key\": \"x\", \"sha");
  const DigestCache cache(cache_file);
  auto digest = cache.Sha256OfFiles({a});
  ASSERT_TRUE(digest.ok());
  EXPECT_EQ(*digest, *Sha256OfFiles({a}));
  EXPECT_TRUE(cache.Sha256OfFiles({a}).ok());
  EXPECT_TRUE(cache.last_was_cached());

  const DigestCache none{std::filesystem::path()};
  EXPECT_EQ(*none.Sha256OfFiles({a}), *digest);
  EXPECT_FALSE(none.last_was_cached());
  auto missing = none.Sha256OfFiles({dir_.path() / "absent.bin"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("absent.bin"), std::string::npos);
  EXPECT_FALSE(cache.Sha256OfFiles({dir_.path() / "absent.bin"}).ok());
}

}  // namespace
}  // namespace vleval
