#include "metrics/iconvqa_choice.h"

#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace vleval {
namespace {

using nlohmann::json;

const std::filesystem::path kCases =
    testing::SourceDir() / "tests/metrics/fixtures/iconvqa_ranking_cases.json";
const std::filesystem::path kReference = testing::SourceDir() / "scripts/iconvqa_reference_rank.py";

json LoadCases() {
  std::ifstream in(kCases);
  return json::parse(in);
}

// A case of the fixture as the harness would hand it to the metric.
MetricSample FromCase(const json& item, size_t index) {
  MetricSample sample;
  sample.id = std::to_string(index);
  sample.choices = item["choices"].get<std::vector<std::string>>();
  sample.label = item["answer"].get<int>();
  const json& scores = item["scores"];
  for (const auto& choice : sample.choices) {
    sample.candidates_nll.push_back(scores[choice][0].get<double>());
    sample.choice_detail.tokens.push_back(scores[choice][1].get<int>());
  }
  const auto pieces = IconVqaMiniGptV2Candidates(sample.choices);
  if (pieces != sample.choices) {
    for (const auto& piece : pieces) {
      sample.choice_detail.split_nll.push_back(scores[piece][0].get<double>());
      sample.choice_detail.split_tokens.push_back(scores[piece][1].get<int>());
    }
  }
  sample.choice_detail.prompt_positions = item["prompt_positions"].get<int>();
  sample.choice_detail.padding_tokens = scores[kIconVqaPaddingCandidate][1].get<int>();
  return sample;
}

std::vector<MetricSample> CaseSamples() {
  std::vector<MetricSample> samples;
  const json cases = LoadCases();
  for (size_t i = 0; i < cases["samples"].size(); ++i) samples.push_back(FromCase(cases["samples"][i], i));
  return samples;
}

// Top candidate of every crafted case under the scripts' rule, as the Python
// reference (scripts/iconvqa_reference_rank.py) computes it.
const std::vector<int> kScriptsTop = {1, 1, 3, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1};
// The same cases ranked by summed NLL per choice.
const std::vector<int> kSummedTop = {0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};

TEST(IconVqaBestChoice, LowestNllWinsAndTiesGoToTheFirstIndex) {
  EXPECT_EQ(IconVqaBestChoice({3.0, 1.5, 2.0}), 1);
  EXPECT_EQ(IconVqaBestChoice({2.0, 1.5, 1.5}), 1);
  EXPECT_EQ(IconVqaBestChoice({}), -1);
  EXPECT_EQ(IconVqaBestChoice({1.0, std::nan("")}), -1);
}

TEST(IconVqaMiniGptV2Candidates, JoinsAndSplitsOnUnderscore) {
  EXPECT_EQ(IconVqaMiniGptV2Candidates({"red_blue", "green"}),
            (std::vector<std::string>{"red", "blue", "green"}));
  EXPECT_EQ(IconVqaMiniGptV2Candidates({"a", ""}), (std::vector<std::string>{"a", ""}));
}

TEST(IconVqaMiniGptV2Ranking, CraftedCasesRankAsTheScriptsDo) {
  auto top = IconVqaMiniGptV2Ranking(CaseSamples());
  ASSERT_TRUE(top.ok()) << top.error().message;
  EXPECT_EQ(*top, kScriptsTop);
}

TEST(IconVqaMiniGptV2Ranking, AgreesWithThePythonReference) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "skipped: /usr/bin/python3 is absent";
  const auto result =
      testing::RunCommand("/usr/bin/python3 " + kReference.string() + " < " + kCases.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json reference = json::parse(result.out);
  auto top = IconVqaMiniGptV2Ranking(CaseSamples());
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(*top, reference["top"].get<std::vector<int>>());
  auto report = IconVqaChoiceMetric().score(Dialect::kMiniGptV2, CaseSamples(), {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->metrics.at("accuracy"), reference["accuracy"].get<double>());
}

TEST(IconVqaChoiceMetric, TheTwoDialectsRankTheCraftedCasesDifferently) {
  const auto samples = CaseSamples();
  auto scripts = IconVqaChoiceMetric().score(Dialect::kMiniGptV2, samples, {});
  auto official = IconVqaChoiceMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(scripts.ok() && official.ok());
  std::vector<double> scripts_hits, summed_hits;
  for (size_t i = 0; i < samples.size(); ++i) {
    scripts_hits.push_back(kScriptsTop[i] == samples[i].label);
    summed_hits.push_back(kSummedTop[i] == samples[i].label);
  }
  EXPECT_EQ(scripts->per_sample, scripts_hits);
  EXPECT_EQ(official->per_sample, summed_hits);
  EXPECT_NE(scripts->per_sample, official->per_sample);
  EXPECT_TRUE(scripts->notes.empty());
}

TEST(IconVqaMiniGptV2Ranking, TheSameSampleRanksByItsBatch) {
  auto samples = CaseSamples();
  // Sample 10 equals sample 0; alone in its batch it loses the longer column's help.
  EXPECT_EQ(samples[10].candidates_nll, samples[0].candidates_nll);
  auto top = IconVqaMiniGptV2Ranking(samples);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ((*top)[0], 1);
  EXPECT_EQ((*top)[10], 0);
}

TEST(IconVqaMiniGptV2Ranking, ASampleWithoutPredictionIsWrongAndLeftOutOfTheBatch) {
  auto samples = CaseSamples();
  samples[1].candidates_nll.clear();  // sample 1 had the 6-token "blue" that lengthened column 1
  samples[1].choice_detail = {};
  auto top = IconVqaMiniGptV2Ranking(samples);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ((*top)[1], -1);
  EXPECT_EQ((*top)[0], 0);  // column 1 now has 5-token elephant as its longest: cat wins
}

TEST(IconVqaMiniGptV2Ranking, AChoiceWithUnderscoreNeedsItsPieces) {
  auto samples = CaseSamples();
  samples[1].choice_detail.split_nll.clear();
  auto top = IconVqaMiniGptV2Ranking(samples);
  ASSERT_FALSE(top.ok());
  EXPECT_NE(top.error().message.find("sample 1"), std::string::npos) << top.error().message;
}

TEST(IconVqaChoiceMetric, AChoiceSplittingIntoAnEmptyPieceIsWrongWithANote) {
  auto samples = CaseSamples();
  samples[1].choices = {"red_", "green"};  // pieces "red", "", "green": not scored by the backends
  samples[1].choice_detail.split_nll.clear();
  samples[1].choice_detail.split_tokens.clear();
  auto top = IconVqaMiniGptV2Ranking(samples);
  ASSERT_TRUE(top.ok()) << top.error().message;
  EXPECT_EQ((*top)[1], -1);
  EXPECT_EQ((*top)[0], 0);  // left out of its batch like a sample without prediction
  auto report = IconVqaChoiceMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->notes.size(), 1u);
  EXPECT_NE(report->notes[0].find("1 samples"), std::string::npos) << report->notes[0];
}

TEST(IconVqaChoiceMetric, PartialTokenCountsAreAnErrorNamingTheSample) {
  auto samples = CaseSamples();
  samples[4].choice_detail.tokens.pop_back();
  auto report = IconVqaChoiceMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("sample 4"), std::string::npos) << report.error().message;
}

TEST(IconVqaChoiceMetric, WithoutTokenCountsMiniGptV2FallsBackToSummedNllWithANote) {
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
  ASSERT_EQ(report->notes.size(), 1u);
  EXPECT_NE(report->notes[0].find("summed NLL"), std::string::npos);
}

}  // namespace
}  // namespace vleval
