#include "metrics/gqa_exact_match.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(GqaIsMatch, MiniGptV2ComparesLowercasedOutputWithTheRawLabel) {
  EXPECT_TRUE(GqaIsMatch(" Yes ", "yes", Dialect::kMiniGptV2));
  EXPECT_FALSE(GqaIsMatch("yes.", "yes", Dialect::kMiniGptV2));
  EXPECT_FALSE(GqaIsMatch("yes", "Yes", Dialect::kMiniGptV2));  // label is not lowered
}

TEST(GqaIsMatch, OfficialStripsTrailingPeriodsFirst) {
  EXPECT_TRUE(GqaIsMatch("Yes...", "yes", Dialect::kOfficial));
  EXPECT_FALSE(GqaIsMatch("yes!", "yes", Dialect::kOfficial));
}

TEST(GqaExactMatchMetric, AccuracyIsCountOverTotalTimesHundred) {
  std::vector<MetricSample> samples(3);
  for (auto& s : samples) s.answers = {"left"};
  samples[0].output = "left";
  auto report = GqaExactMatchMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.at("accuracy"), 1.0 / 3.0 * 100.0);
  samples[1].answers.clear();
  samples[1].id = "201307251";
  auto bad = GqaExactMatchMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "gqa_exact_match: sample 201307251 has no gold answer");
}

}  // namespace
}  // namespace vleval
