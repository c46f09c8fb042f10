#include "metrics/iconvqa_choice.h"

#include <cmath>

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(IconVqaBestChoice, LowestNllWinsAndTiesGoToTheFirstIndex) {
  EXPECT_EQ(IconVqaBestChoice({3.0, 1.5, 2.0}), 1);
  EXPECT_EQ(IconVqaBestChoice({2.0, 1.5, 1.5}), 1);
  EXPECT_EQ(IconVqaBestChoice({}), -1);
  EXPECT_EQ(IconVqaBestChoice({1.0, std::nan("")}), -1);
}

TEST(IconVqaChoiceMetric, CountsTopChoiceEqualToLabel) {
  std::vector<MetricSample> samples(4);
  samples[0].candidates_nll = {0.5, 2.0};
  samples[0].label = 0;
  samples[1].candidates_nll = {0.5, 2.0};
  samples[1].label = 1;
  samples[2].candidates_nll = {};  // no scores: wrong
  samples[3].candidates_nll = {4.0, 4.0, 1.0};
  samples[3].label = 2;
  auto report = IconVqaChoiceMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.at("accuracy"), 50.0);
  EXPECT_EQ(report->per_sample, (std::vector<double>{1, 0, 0, 1}));
}

}  // namespace
}  // namespace vleval
