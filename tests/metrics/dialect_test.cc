#include "metrics/dialect.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(Dialect, ParsesBothNamesAndRoundTrips) {
  for (const char* name : {"minigptv2", "official"}) {
    auto dialect = ParseDialect(name);
    ASSERT_TRUE(dialect.ok()) << name;
    EXPECT_EQ(DialectName(*dialect), name);
  }
}

TEST(Dialect, UnknownNameListsTheKnownOnes) {
  auto dialect = ParseDialect("lmms-eval");
  ASSERT_FALSE(dialect.ok());
  EXPECT_EQ(dialect.error().message, "unknown dialect 'lmms-eval' (known: minigptv2, official)");
}

TEST(Dialect, OnlyTheMiniGptV2DialectFollowsTheAuthorsScripts) {
  EXPECT_TRUE(FollowsMiniGptV2Scripts(Dialect::kMiniGptV2));
  EXPECT_FALSE(FollowsMiniGptV2Scripts(Dialect::kOfficial));
}

}  // namespace
}  // namespace vleval
