#include "metrics/vsr_accuracy.h"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(VsrIsMatch, NeedsExactlyTrueOrFalseAfterLowercasing) {
  EXPECT_TRUE(VsrIsMatch("True", 1));
  EXPECT_TRUE(VsrIsMatch("false", 0));
  EXPECT_FALSE(VsrIsMatch("True.", 1));
  EXPECT_FALSE(VsrIsMatch("true", 0));
  EXPECT_FALSE(VsrIsMatch("yes", 1));
}

// The real zero-shot test split with synthetic outputs.
std::vector<MetricSample> RealVsrSamples() {
  std::vector<MetricSample> samples;
  std::ifstream in(testing::SharedDataDir() / "vsr" / "zeroshot_test.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    MetricSample sample;
    sample.id = std::to_string(samples.size());
    sample.label = nlohmann::json::parse(line).at("label").get<int>();
    samples.push_back(sample);
  }
  return samples;
}

TEST(VsrAccuracyMetric, RealSplitScoresPerfectAs100EmptyAs0AllTrueAsTheTrueShare) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "vsr" / "zeroshot_test.jsonl");
  auto samples = RealVsrSamples();
  ASSERT_EQ(samples.size(), 1222u);
  auto score = [&](Dialect dialect) {
    auto report = VsrAccuracyMetric().score(dialect, samples, {});
    EXPECT_TRUE(report.ok());
    return report->metrics.at("accuracy");
  };
  for (auto& s : samples) s.output = s.label == 1 ? "True" : "false";
  EXPECT_EQ(score(Dialect::kMiniGptV2), 100.0);
  EXPECT_EQ(score(Dialect::kOfficial), 100.0);
  for (auto& s : samples) s.output = "";
  EXPECT_EQ(score(Dialect::kMiniGptV2), 0.0);
  for (auto& s : samples) s.output = "true";
  EXPECT_EQ(score(Dialect::kMiniGptV2), 629.0 / 1222.0 * 100.0);
  for (auto& s : samples) s.output = "true.";
  EXPECT_EQ(score(Dialect::kMiniGptV2), 0.0);
}

}  // namespace
}  // namespace vleval
