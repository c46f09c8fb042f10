#include "metrics/roc_auc.h"

#include <random>

#include <gtest/gtest.h>

namespace vleval {
namespace {

// Mann-Whitney: P(score of a positive > score of a negative) + 1/2 P(tie).
double MannWhitney(const std::vector<int>& labels, const std::vector<double>& scores) {
  double wins = 0, pairs = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    for (size_t j = 0; j < labels.size(); ++j) {
      if (labels[i] != 1 || labels[j] != 0) continue;
      pairs += 1;
      wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
    }
  }
  return wins / pairs;
}

TEST(RocAuc, SmallExampleOfTheSklearnDocumentation) {
  auto auc = RocAuc({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8});
  ASSERT_TRUE(auc.ok());
  EXPECT_EQ(*auc, 0.75);
}

TEST(RocAuc, TiesCountHalf) {
  auto auc = RocAuc({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5});
  ASSERT_TRUE(auc.ok());
  EXPECT_EQ(*auc, 0.5);
  auto hard = RocAuc({1, 1, 0, 0, 1}, {1, 0, 0, 1, 1});  // hard 0/1: (TPR + TNR) / 2
  ASSERT_TRUE(hard.ok());
  EXPECT_DOUBLE_EQ(*hard, (2.0 / 3.0 + 0.5) / 2.0);
}

TEST(RocAuc, EqualsMannWhitneyOnRandomScoresWithTies) {
  std::mt19937 rng(7);
  std::vector<int> labels;
  std::vector<double> scores;
  for (int i = 0; i < 500; ++i) {
    labels.push_back(rng() % 2);
    scores.push_back(static_cast<double>(rng() % 37) / 36.0);
  }
  auto auc = RocAuc(labels, scores);
  ASSERT_TRUE(auc.ok());
  EXPECT_NEAR(*auc, MannWhitney(labels, scores), 1e-14);
}

TEST(RocAuc, OneClassOrBadInputIsAnError) {
  EXPECT_FALSE(RocAuc({1, 1}, {0.2, 0.3}).ok());
  EXPECT_FALSE(RocAuc({0, 2}, {0.2, 0.3}).ok());
  EXPECT_FALSE(RocAuc({0, 1}, {0.2}).ok());
  EXPECT_FALSE(RocAuc({0, 1}, {0.2, std::nan("")}).ok());
}

}  // namespace
}  // namespace vleval
