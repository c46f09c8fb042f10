#include "metrics/average_precision.h"

#include <cmath>

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(AveragePrecision, SumsPrecisionAtEachRecallStep) {
  // Ranked 1, 0, 1, 0: precision 1 at recall 0.5, 2/3 at recall 1.
  auto ap = AveragePrecision({1, 0, 1, 0}, {0.9, 0.8, 0.7, 0.1});
  ASSERT_TRUE(ap.ok());
  EXPECT_EQ(*ap, 0.5 * 1.0 + 0.5 * (2.0 / 3.0));
}

TEST(AveragePrecision, TiedScoresFormOneThreshold) {
  // 0.5 holds one positive and one negative: precision 1/2 at recall 1/2.
  auto ap = AveragePrecision({1, 0, 1}, {0.5, 0.5, 0.2});
  ASSERT_TRUE(ap.ok());
  EXPECT_DOUBLE_EQ(*ap, 0.5 * 0.5 + 0.5 * (2.0 / 3.0));
  auto perfect = AveragePrecision({0, 1, 0}, {0.1, 0.8, 0.3});
  ASSERT_TRUE(perfect.ok());
  EXPECT_EQ(*perfect, 1.0);
}

TEST(AveragePrecision, NoPositiveGivesZeroAndBadInputIsAnError) {
  auto none = AveragePrecision({0, 0}, {0.3, 0.4});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0.0);
  EXPECT_FALSE(AveragePrecision({1, 0}, {0.5}).ok());
  EXPECT_FALSE(AveragePrecision({}, {}).ok());
  EXPECT_FALSE(AveragePrecision({2, 0}, {0.5, 0.1}).ok());
  EXPECT_FALSE(AveragePrecision({1, 0}, {std::nan(""), 0.1}).ok());
}

TEST(F1Score, IsTwoTruePositivesOverTheirSumWithErrors) {
  auto f1 = F1Score({1, 0, 1, 0}, {1, 1, 0, 0});
  ASSERT_TRUE(f1.ok());
  EXPECT_EQ(*f1, 0.5);
  auto empty = F1Score({0, 0}, {0, 0});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, 0.0);
  EXPECT_FALSE(F1Score({1}, {1, 0}).ok());
}

}  // namespace
}  // namespace vleval
