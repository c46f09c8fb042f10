#include "metrics/binary_clf_curve.h"

#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include <gtest/gtest.h>

namespace vleval {
namespace {

using Counts = std::vector<double>;

TEST(BinaryClfCurve, SmallExampleOfTheSklearnDocumentation) {
  // sklearn: _binary_clf_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) gives
  // fps [0, 1, 1, 2], tps [1, 1, 2, 2] (thresholds 0.8, 0.4, 0.35, 0.1).
  const BinaryClfCurve curve = ComputeBinaryClfCurve({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8});
  EXPECT_EQ(curve.true_positives, (Counts{1, 1, 2, 2}));
  EXPECT_EQ(curve.false_positives, (Counts{0, 1, 1, 2}));
}

TEST(BinaryClfCurve, EqualScoresMakeOnePointAtTheEndOfTheirRun) {
  const BinaryClfCurve curve = ComputeBinaryClfCurve({1, 0, 1, 0, 1}, {0.9, 0.5, 0.5, 0.5, 0.1});
  EXPECT_EQ(curve.true_positives, (Counts{1, 2, 3}));
  EXPECT_EQ(curve.false_positives, (Counts{0, 2, 2}));
  const BinaryClfCurve tied = ComputeBinaryClfCurve({0, 1, 1}, {2.0, 2.0, 2.0});
  EXPECT_EQ(tied.true_positives, (Counts{2}));
  EXPECT_EQ(tied.false_positives, (Counts{1}));
}

// The definition: at each distinct score s, from the highest, the samples
// scored >= s, split by label.
TEST(BinaryClfCurve, MatchesTheCountsAtEachDistinctScoreOnRandomInput) {
  std::mt19937 rng(19);
  std::uniform_int_distribution<int> label(0, 1), level(0, 12);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<int> labels(1 + trial * 3);
    std::vector<double> scores(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
      labels[i] = label(rng);
      scores[i] = level(rng) / 4.0;  // many ties
    }
    Counts want_tps, want_fps;
    for (const double s : std::set<double, std::greater<>>(scores.begin(), scores.end())) {
      double tps = 0, fps = 0;
      for (std::size_t i = 0; i < labels.size(); ++i) {
        if (scores[i] >= s) (labels[i] == 1 ? tps : fps) += 1;
      }
      want_tps.push_back(tps);
      want_fps.push_back(fps);
    }
    const BinaryClfCurve curve = ComputeBinaryClfCurve(labels, scores);
    EXPECT_EQ(curve.true_positives, want_tps) << "trial " << trial;
    EXPECT_EQ(curve.false_positives, want_fps) << "trial " << trial;
  }
}

}  // namespace
}  // namespace vleval
