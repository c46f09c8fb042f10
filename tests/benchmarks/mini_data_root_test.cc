// The mini data root is fixed: writing it twice gives the same bytes.
#include "benchmarks/mini_data_root.h"

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(MiniDataRoot, WritingTwiceGivesIdenticalFiles) {
  testing::TempDir first, second;
  ASSERT_TRUE(WriteMiniDataRoot(first.path()).ok());
  ASSERT_TRUE(WriteMiniDataRoot(second.path()).ok());
  std::size_t files = 0;
  for (const auto& item : std::filesystem::recursive_directory_iterator(first.path())) {
    if (!item.is_regular_file()) continue;
    ++files;
    const auto relative = item.path().lexically_relative(first.path());
    EXPECT_EQ(*ReadTextFile(item.path()), *ReadTextFile(second.path() / relative)) << relative;
  }
  // 19 annotation files, CHAIR's 5 tables and 3 images for each of the 15 tasks.
  EXPECT_EQ(files, 19u + 5u + 15u * 3u);
}

TEST(MiniDataRoot, UnwritableFolderIsAnErrorNamingAFile) {
  auto status = WriteMiniDataRoot("/proc/vleval-mini");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/proc/vleval-mini/"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace vleval
