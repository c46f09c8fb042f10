#include "metrics/vqa_answer_table.h"

#include <random>

#include <gtest/gtest.h>

#include "metrics/vqa_accuracy.h"

namespace vleval {
namespace {

// Strings that exercise every branch: case, whitespace, <unk>, punctuation,
// number words, articles, contractions, and equal strings after clean-up.
const std::vector<std::string>& Pool() {
  static const std::vector<std::string> pool = {
      "yes",   "Yes",       "YES",     " yes\n",    "yes\t",         "no",           "two",
      "2",     "Two.",      "the dog", "a dog",     "dog",           "Dog",          "dont",
      "don't", "dont know", "u.s.a.",  "usa",       "hot-dog",       "hot dog",      "3,5",
      "35",    "none",      "0",       "<unk> yes", "fire hydrant!", "fire hydrant", "",
      " ",     "ten",       "10",      "it's",      "its",           "Paris",        "paris"};
  return pool;
}

std::vector<MetricSample> RandomSamples(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  const auto& pool = Pool();
  std::vector<MetricSample> samples(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t distinct = 1 + rng() % 4;  // 1 = unanimous
    std::vector<std::string> choices;
    for (std::size_t d = 0; d < distinct; ++d) choices.push_back(pool[rng() % pool.size()]);
    const std::size_t answers = 1 + rng() % 10;
    for (std::size_t j = 0; j < answers; ++j) samples[i].answers.push_back(choices[rng() % distinct]);
    samples[i].output = rng() % 2 ? choices[0] : pool[rng() % pool.size()];
    if (rng() % 5 == 0) samples[i].output = " <unk>" + samples[i].output + "<unk> ";
    samples[i].id = std::to_string(i);
  }
  return samples;
}

TEST(VqaAnswerTable, EqualsThePerQuestionScorerBitForBitInBothDialects) {
  const auto samples = RandomSamples(20000, 14);
  for (Dialect dialect : {Dialect::kOfficial, Dialect::kMiniGptV2}) {
    for (int threads : {1, 2}) {
      const VqaAnswerTable table(samples, dialect, threads);
      for (std::size_t i = 0; i < samples.size(); ++i) {
        ASSERT_EQ(table.Accuracy(i), VqaQuestionAccuracy(samples[i].answers, samples[i].output, dialect))
            << DialectName(dialect) << " sample " << i << " output '" << samples[i].output << "'";
      }
    }
  }
}

TEST(VqaAnswerTable, UnanimityIsJudgedOnTheCleanedCaseSensitiveStrings) {
  // "Yes" and "yes" disagree, so both sides are normalised (lower-cased):
  // the official dialect then matches "YES".
  std::vector<MetricSample> samples(2);
  samples[0].answers = {"Yes", "yes", "yes", "yes"};
  samples[0].output = "YES";
  samples[1].answers = {" yes", "yes\n", "yes", "yes"};  // unanimous once cleaned: compared raw
  samples[1].output = "Yes";
  const VqaAnswerTable official(samples, Dialect::kOfficial, 1);
  EXPECT_EQ(official.Accuracy(0), 1.0);
  EXPECT_EQ(official.Accuracy(1), 0.0);
  const VqaAnswerTable minigptv2(samples, Dialect::kMiniGptV2, 1);
  EXPECT_EQ(minigptv2.Accuracy(1), 1.0);
}

}  // namespace
}  // namespace vleval
