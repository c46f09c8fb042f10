#include "metrics/vqa_accuracy.h"

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace vleval {
namespace {

// Ten annotators answering "cat", except "dog" at `positions`.
std::vector<std::string> DogAt(std::initializer_list<int> positions) {
  std::vector<std::string> answers(10, "cat");
  for (int p : positions) answers[p] = "dog";
  return answers;
}

TEST(LeaveOneOutAccuracy, SumsInAnnotatorOrderLikeCPython311) {
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({0, 1}), "dog", false), 0.6);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({3, 4}), "dog", false), 0.6000000000000001);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({7, 8}), "dog", false), 0.5999999999999999);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({0, 1, 2}), "dog", false), 0.9);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({0, 1, 9}), "dog", false), 0.8999999999999998);
}

TEST(LeaveOneOutAccuracy, ClosedFormForZeroOneAndFourOrMoreMatches) {
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({}), "dog", false), 0.0);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({5}), "dog", false), 0.3);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({2, 4, 6, 8}), "dog", false), 1.0);
  EXPECT_EQ(LeaveOneOutAccuracy(DogAt({}), "CAT", true), 1.0);
}

TEST(VqaQuestionAccuracy, UnanimousAnswersAreComparedRawAndCaseSensitively) {
  const std::vector<std::string> yes(10, "yes");
  EXPECT_EQ(VqaQuestionAccuracy(yes, "Yes", Dialect::kOfficial), 0.0);
  EXPECT_EQ(VqaQuestionAccuracy(yes, " yes\n", Dialect::kOfficial), 1.0);
  const std::vector<std::string> two(10, "2");
  EXPECT_EQ(VqaQuestionAccuracy(two, "two", Dialect::kOfficial), 0.0);
  EXPECT_EQ(VqaQuestionAccuracy(two, "two", Dialect::kMiniGptV2), 0.0);  // still no normalisation
}

TEST(VqaQuestionAccuracy, MiniGptV2LowersDeletesUnkAndMatchesCaseInsensitively) {
  const std::vector<std::string> yes(10, "yes");
  EXPECT_EQ(VqaQuestionAccuracy(yes, "Yes", Dialect::kMiniGptV2), 1.0);
  EXPECT_EQ(VqaQuestionAccuracy(yes, "<unk> YES ", Dialect::kMiniGptV2), 1.0);
  const std::vector<std::string> capitalised(10, "Paris");  // unanimous: not normalised
  EXPECT_EQ(VqaQuestionAccuracy(capitalised, "paris", Dialect::kMiniGptV2), 1.0);
  EXPECT_EQ(VqaQuestionAccuracy(capitalised, "paris", Dialect::kOfficial), 0.0);
}

TEST(VqaQuestionAccuracy, DisagreeingAnswersNormaliseBothSides) {
  std::vector<std::string> answers(10, "2");
  answers[9] = "3";
  EXPECT_EQ(VqaQuestionAccuracy(answers, "Two.", Dialect::kOfficial), 1.0);
  EXPECT_EQ(VqaQuestionAccuracy(answers, "three", Dialect::kOfficial), 0.3);
}

MetricSample Question(std::string id, std::vector<std::string> answers, std::string output,
                      std::string question_type, std::string answer_type) {
  MetricSample sample;
  sample.id = std::move(id);
  sample.answers = std::move(answers);
  sample.output = std::move(output);
  sample.question_type = std::move(question_type);
  sample.answer_type = std::move(answer_type);
  return sample;
}

TEST(VqaAccuracyMetric, RoundsOverallAndPerTypeTo2DecimalsOfHundredTimesMean) {
  const std::vector<MetricSample> samples = {
      Question("1", DogAt({3, 4}), "dog", "what is", "other"),
      Question("2", DogAt({}), "dog", "what is", "other"),
      Question("3", std::vector<std::string>(10, "yes"), "yes", "is this", "yes/no"),
  };
  auto report = VqaAccuracyMetric().score(Dialect::kOfficial, samples, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  // round(100*(0.6000000000000001 + 0 + 1)/3, 2) = 53.33
  EXPECT_EQ(report->metrics.at("accuracy"), 53.33);
  EXPECT_EQ(report->breakdowns.at("question_type").at("what is"), 30.0);
  EXPECT_EQ(report->breakdowns.at("answer_type").at("yes/no"), 100.0);
  EXPECT_EQ(report->per_sample, (std::vector<double>{60.0, 0.0, 100.0}));
}

TEST(VqaAccuracyMetric, SampleWithoutAnswersIsAnErrorNamingIt) {
  auto report = VqaAccuracyMetric().score(Dialect::kOfficial, {Question("q7", {}, "x", "", "")}, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "vqa_accuracy: sample q7 has no reference answers");
}

// Cross-check against scripts/vqa_reference_score.py, where CPython's own
// re, str and float arithmetic decide every bit, on 3,000 questions built
// from answers that hit the quirks (case, periods, punctuation, numbers,
// articles, contractions, non-ASCII capitals, whitespace).
TEST(VqaAccuracyMetric, EqualsThePythonReferenceBitForBit) {
  const auto contractions = testing::SharedDataDir() / "vqa" / "contractions.json";
  VLEVAL_SKIP_UNLESS_EXISTS(contractions);
  if (!testing::HaveProgram("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  const std::vector<std::string> pool = {"yes",
                                         "Yes",
                                         "two",
                                         "Two",
                                         "2",
                                         "none",
                                         "0",
                                         "u.s.a.",
                                         "usa",
                                         "a/b",
                                         "b",
                                         "3,5 and a-b",
                                         "35 and ab",
                                         "hot-dog",
                                         "hot dog",
                                         "dont",
                                         "don't",
                                         "Im",
                                         "it's",
                                         "the dog",
                                         "dog",
                                         "a",
                                         "1.",
                                         "3.5",
                                         "....................................",
                                         " yes\n",
                                         "yes!",
                                         "\xC3\x89T\xC3\x89",
                                         "\xC3\xA9t\xC3\xA9",
                                         "<unk>Yes ",
                                         "the U.S.A.!",
                                         "ten",
                                         "10",
                                         "somebody'd",
                                         "x\ty",
                                         std::string(33, '.') + "x",
                                         "x"};
  std::mt19937 rng(2024);
  std::vector<MetricSample> samples(3000);
  nlohmann::json questions = nlohmann::json::array();
  for (size_t i = 0; i < samples.size(); ++i) {
    const size_t distinct = 1 + rng() % 3;  // 1 = unanimous
    std::vector<std::string> choices;
    for (size_t d = 0; d < distinct; ++d) choices.push_back(pool[rng() % pool.size()]);
    for (int j = 0; j < 10; ++j) samples[i].answers.push_back(choices[rng() % distinct]);
    samples[i].output = rng() % 2 ? choices[0] : pool[rng() % pool.size()];
    samples[i].id = std::to_string(i);
    questions.push_back({{"answers", samples[i].answers}, {"prediction", samples[i].output}});
  }
  testing::TempDir dir;
  for (Dialect dialect : {Dialect::kOfficial, Dialect::kMiniGptV2}) {
    const auto input = dir.path() / "questions.json";
    std::ofstream(input) << nlohmann::json{{"dialect", DialectName(dialect)}, {"questions", questions}};
    auto python = testing::RunCommand("/usr/bin/python3 " +
                                      (testing::SourceDir() / "scripts/vqa_reference_score.py").string() +
                                      " " + contractions.string() + " " + input.string());
    ASSERT_EQ(python.exit_code, 0) << python.err;
    const auto expected = nlohmann::json::parse(python.out);
    auto report = VqaAccuracyMetric().score(dialect, samples, {});
    ASSERT_TRUE(report.ok());
    for (size_t i = 0; i < samples.size(); ++i) {
      const double accuracy = VqaQuestionAccuracy(samples[i].answers, samples[i].output, dialect);
      ASSERT_EQ(accuracy, std::stod(expected["per_question"][i].get<std::string>()))
          << DialectName(dialect) << " question " << i << " output '" << samples[i].output << "'";
    }
    EXPECT_EQ(report->metrics.at("accuracy"), std::stod(expected["overall"].get<std::string>()));
  }
}

}  // namespace
}  // namespace vleval
