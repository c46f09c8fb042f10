#include "metrics/hm_accuracy.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

MetricSample Meme(std::string id, int label, std::string output, std::optional<double> p_yes) {
  MetricSample sample;
  sample.id = std::move(id);
  sample.label = label;
  sample.output = std::move(output);
  sample.p_yes = p_yes;
  return sample;
}

TEST(HmPrediction, ReadsOnlyExactYesOrNo) {
  EXPECT_EQ(HmPrediction(" Yes "), 1);
  EXPECT_EQ(HmPrediction("NO"), 0);
  EXPECT_EQ(HmPrediction("yes."), -1);
  EXPECT_EQ(HmPrediction("maybe"), -1);
}

TEST(HmAccuracyMetric, OfficialAddsAurocFromPYes) {
  const std::vector<MetricSample> samples = {Meme("1", 0, "no", 0.1), Meme("2", 0, "yes", 0.4),
                                             Meme("3", 1, "no", 0.35), Meme("4", 1, "sure", 0.8)};
  auto minigptv2 = HmAccuracyMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(minigptv2.ok());
  EXPECT_EQ(minigptv2->metrics.at("accuracy"), 25.0);
  EXPECT_FALSE(minigptv2->metrics.count("auroc"));
  auto official = HmAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(official.ok()) << official.error().message;
  EXPECT_EQ(official->metrics.at("auroc"), 0.75);
}

TEST(HmAccuracyMetric, MissingPYesIsANoteWhenAllLackItAndAnErrorWhenSomeDo) {
  std::vector<MetricSample> samples = {Meme("1", 0, "no", std::nullopt), Meme("2", 1, "yes", std::nullopt)};
  auto none = HmAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->metrics.count("auroc"));
  EXPECT_EQ(none->notes.size(), 1u);
  samples[0].p_yes = 0.2;
  auto some = HmAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_FALSE(some.ok());
  EXPECT_NE(some.error().message.find("sample 2 has no p_yes"), std::string::npos);
}

}  // namespace
}  // namespace vleval
