#include "core/registry.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(Registry, FindsRegisteredEntriesAndRefusesDuplicates) {
  Registry<int> registry("metric");
  EXPECT_TRUE(registry.Add("vqa_accuracy", 1));
  EXPECT_TRUE(registry.Add("rec_accuracy", 2));
  EXPECT_FALSE(registry.Add("vqa_accuracy", 3));
  auto found = registry.Find("rec_accuracy");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(**found, 2);
  EXPECT_EQ(registry.Names(), (std::vector<std::string>{"rec_accuracy", "vqa_accuracy"}));
}

TEST(Registry, UnknownNameListsClosestAndKnownNames) {
  Registry<int> registry("metric");
  ASSERT_TRUE(registry.Add("vqa_accuracy", 1));
  auto missing = registry.Find("vqa_acuracy");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "unknown metric 'vqa_acuracy'; did you mean 'vqa_accuracy'? known: vqa_accuracy");
}

}  // namespace
}  // namespace vleval
