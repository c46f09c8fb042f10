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

namespace vleval {
namespace {

// Four samples, one per VizWiz answer type; answerable and p_unanswerable set.
std::vector<MetricSample> AnswerTypeSamples() {
  const struct {
    const char* answer;
    const char* output;
    const char* type;
    int answerable;
    double p_unanswerable;
  } rows[] = {{"unanswerable", "unanswerable", "unanswerable", 0, 0.9},
              {"yes", "yes", "yes/no", 1, 0.2},
              {"3", "three", "number", 1, 0.6},
              {"blue", "red", "other", 1, 0.1}};
  std::vector<MetricSample> samples;
  for (const auto& row : rows) {
    MetricSample sample = VizWizSample(std::vector<std::string>(10, row.answer), row.output, row.type);
    sample.id = row.type;
    sample.answerable = row.answerable;
    sample.p_unanswerable = row.p_unanswerable;
    samples.push_back(sample);
  }
  return samples;
}

TEST(VizWizAccuracyMetric, OfficialBreaksAccuracyDownByTheFourAnswerTypes) {
  auto report = VizWizAccuracyMetric().score(Dialect::kOfficial, AnswerTypeSamples(), {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->metrics.at("accuracy"), 75.0);
  EXPECT_EQ(report->breakdowns.at("answer_type"),
            (std::map<std::string, double>{
                {"number", 100.0}, {"other", 0.0}, {"unanswerable", 100.0}, {"yes/no", 100.0}}));
  EXPECT_EQ(report->breakdowns.count("question_type"), 0u);
}

TEST(VizWizAccuracyMetric, OfficialAddsUnanswerabilityApAndF1FromPUnanswerable) {
  auto report = VizWizAccuracyMetric().score(Dialect::kOfficial, AnswerTypeSamples(), {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  // Unanswerable = positive: scores 0.9 (positive), 0.6, 0.2, 0.1: ranked first, AP 1.
  EXPECT_EQ(report->metrics.at("unanswerable_ap"), 100.0);
  // Predicted unanswerable (p > 0.5): samples 0 and 2; TP 1, FP 1, FN 0: F1 = 2/3.
  EXPECT_EQ(report->metrics.at("unanswerable_f1"), 66.67);
  auto minigptv2 = VizWizAccuracyMetric().score(Dialect::kMiniGptV2, AnswerTypeSamples(), {});
  ASSERT_TRUE(minigptv2.ok());
  EXPECT_EQ(minigptv2->metrics.count("unanswerable_ap"), 0u);
}

TEST(VizWizAccuracyMetric, ApIsAnErrorWhenOnlySomePredictionsCarryPUnanswerable) {
  auto samples = AnswerTypeSamples();
  samples[2].p_unanswerable.reset();
  auto report = VizWizAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("sample number"), std::string::npos) << report.error().message;
  for (auto& sample : samples) sample.p_unanswerable.reset();
  report = VizWizAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.count("unanswerable_ap"), 0u);
}

TEST(VizWizAccuracyMetric, ApIsOmittedWithANoteWithoutTheAnswerableAnnotation) {
  auto samples = AnswerTypeSamples();
  samples[1].answerable.reset();
  auto report = VizWizAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.count("unanswerable_ap"), 0u);
  ASSERT_FALSE(report->notes.empty());
  EXPECT_NE(report->notes.back().find("answerable"), std::string::npos);
}

}  // namespace
}  // namespace vleval
