#include "metrics/paired_statistics.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(ExactMcNemar, TwoSidedBinomialTailOfTheDiscordantPairs) {
  // A right/B wrong on 1 sample, the reverse on 6: p = 2 * (1 + 7) / 2^7.
  std::vector<bool> a = {true, false, false, false, false, false, false, true, false};
  std::vector<bool> b = {false, true, true, true, true, true, true, true, false};
  auto result = ExactMcNemar(a, b);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->only_a, 1);
  EXPECT_EQ(result->only_b, 6);
  EXPECT_NEAR(result->p_value, 2.0 * 8.0 / 128.0, 1e-15);
}

TEST(ExactMcNemar, NoDiscordantPairGivesOneAndBalancedIsCappedAtOne) {
  auto same = ExactMcNemar({true, false}, {true, false});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->p_value, 1.0);
  auto balanced = ExactMcNemar({true, false}, {false, true});
  ASSERT_TRUE(balanced.ok());
  EXPECT_EQ(balanced->p_value, 1.0);
  EXPECT_FALSE(ExactMcNemar({true}, {true, false}).ok());
}

TEST(ExactMcNemar, LargeCountsStayFinite) {
  std::vector<bool> a(20000, false), b(20000, false);
  for (int i = 0; i < 10000; ++i) a[i] = true;
  for (int i = 0; i < 10300; ++i) b[i + 9700] = true;
  auto result = ExactMcNemar(a, b);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->only_a, 9700);
  EXPECT_EQ(result->only_b, 10000);
  EXPECT_GT(result->p_value, 0.0);
  EXPECT_LT(result->p_value, 0.05);
}

TEST(PairedBootstrap, IsReproducibleForASeedAndBracketsTheMeanDifference) {
  std::vector<double> a, b;
  for (int i = 0; i < 300; ++i) {
    a.push_back(i % 3 == 0);
    b.push_back(i % 2 == 0);
  }
  auto first = PairedBootstrap(a, b, {500, 42, 0.95});
  auto again = PairedBootstrap(a, b, {500, 42, 0.95});
  auto other = PairedBootstrap(a, b, {500, 43, 0.95});
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_EQ(first->low, again->low);
  EXPECT_EQ(first->high, again->high);
  EXPECT_NE(first->low, other->low);
  EXPECT_DOUBLE_EQ(first->mean_difference, 150.0 / 300.0 - 100.0 / 300.0);
  EXPECT_LT(first->low, first->mean_difference);
  EXPECT_GT(first->high, first->mean_difference);
}

TEST(PairedBootstrap, IdenticalRunsGiveAZeroWidthInterval) {
  std::vector<double> a = {1, 0, 1, 1};
  auto result = PairedBootstrap(a, a);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->low, 0.0);
  EXPECT_EQ(result->high, 0.0);
  EXPECT_FALSE(PairedBootstrap({}, {}).ok());
  EXPECT_FALSE(PairedBootstrap({1}, {1, 0}).ok());
  EXPECT_FALSE(PairedBootstrap({1}, {1}, {0, 1, 0.95}).ok());
}

}  // namespace
}  // namespace vleval
