#include "metrics/vizwiz_accuracy.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

MetricSample VizWizSample(std::vector<std::string> answers, std::string output,
                          std::string answer_type = "other") {
  MetricSample sample;
  sample.id = "VizWiz_val_00000000.jpg";
  sample.answers = std::move(answers);
  sample.output = std::move(output);
  sample.answer_type = std::move(answer_type);
  return sample;
}

TEST(VizWizMiniGptV2Score, CountsLowercaseMatchesOverUnderscoreSplitPieces) {
  std::vector<std::string> answers(10, "other");
  answers[0] = "red_blue";  // splits into "red" and "blue"
  answers[1] = "Red";
  EXPECT_EQ(VizWizMiniGptV2Score(answers, "RED"), 2.0 / 3.0);
  answers[2] = "red";
  EXPECT_EQ(VizWizMiniGptV2Score(answers, " red "), 1.0);
  EXPECT_EQ(VizWizMiniGptV2Score(answers, "red."), 0.0);  // no normalisation
}

TEST(VizWizAccuracyMetric, MiniGptV2IsNumpyAverageTimesHundred) {
  const std::vector<std::string> answers(10, "unanswerable");
  std::vector<MetricSample> samples;
  samples.reserve(3);
  for (int i = 0; i < 3; ++i) samples.push_back(VizWizSample(answers, i == 0 ? "unanswerable" : "no"));
  auto report = VizWizAccuracyMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.at("accuracy"), (1.0 / 3.0) * 100.0);
  EXPECT_EQ(report->per_sample, (std::vector<double>{1.0, 0.0, 0.0}));
}

TEST(VizWizAccuracyMetric, OfficialNormalisesOnlyThePredictionAndLeavesOneOutByIndex) {
  std::vector<std::string> answers(10, "white");
  answers[0] = answers[1] = "Two";  // raw GT never normalised: "2" cannot match "Two"
  auto report = VizWizAccuracyMetric().score(
      Dialect::kOfficial, {VizWizSample(answers, "white!"), VizWizSample(answers, "two")}, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->per_sample, (std::vector<double>{100.0, 0.0}));
  EXPECT_EQ(report->metrics.at("accuracy"), 50.0);
  EXPECT_EQ(report->breakdowns.at("answer_type").at("other"), 50.0);
  ASSERT_EQ(report->notes.size(), 1u);  // VQA contractions used: said so
}

TEST(VizWizAccuracyMetric, OfficialReadsVizWizContractionsFromResources) {
  const std::vector<std::string> answers(10, "don\xE2\x80\x99t know");
  ScoringOptions options;
  options.resources["vizwiz_contractions"] = R"({"dont": "don\u2019t"})";
  auto report =
      VizWizAccuracyMetric().score(Dialect::kOfficial, {VizWizSample(answers, "dont know")}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->per_sample.front(), 100.0);
  EXPECT_TRUE(report->notes.empty());
  options.resources["vizwiz_contractions"] = "[1, 2]";
  EXPECT_FALSE(VizWizAccuracyMetric().score(Dialect::kOfficial, {VizWizSample(answers, "x")}, options).ok());
}

}  // namespace
}  // namespace vleval
