#include "reports/run_comparison.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kFixtures = testing::SourceDir() / "tests" / "reports" / "fixtures";

RunComparison Compare(const char* a, const char* b) {
  auto run_a = RunFolder::Open(kFixtures / a);
  auto run_b = RunFolder::Open(kFixtures / b);
  EXPECT_TRUE(run_a.ok() && run_b.ok());
  auto comparison = CompareRuns(*run_a, *run_b);
  EXPECT_TRUE(comparison.ok()) << comparison.error().message;
  return *comparison;
}

const EntryComparison& Row(const RunComparison& comparison, const std::string& entry) {
  for (const auto& row : comparison.entries) {
    if (row.entry == entry) return row;
  }
  ADD_FAILURE() << entry << " missing";
  return comparison.entries.front();
}

TEST(RunComparison, ARegressionShowsItsFlipsCiAndPValue) {
  const auto comparison = Compare("run_a", "run_regressed");
  EXPECT_EQ(comparison.entries.size(), 23u);
  const auto& okvqa = Row(comparison, "okvqa");
  EXPECT_EQ(okvqa.metric, "accuracy");
  EXPECT_DOUBLE_EQ(okvqa.Difference(), 40.83 - 51.83);
  ASSERT_TRUE(okvqa.paired);
  EXPECT_EQ(okvqa.paired->paired, 200);
  EXPECT_EQ(okvqa.paired->worse, 25);
  EXPECT_EQ(okvqa.paired->better, 3);
  EXPECT_EQ(okvqa.paired->flipped.size(), 28u);
  EXPECT_NEAR(okvqa.paired->p_value, 2.744048833847046e-05, 1e-15);
  // Mean per-sample difference: (3 - 25) / 200 = -11 points.
  EXPECT_LT(okvqa.paired->ci.low, -11.0);
  EXPECT_GT(okvqa.paired->ci.high, -11.0);
  EXPECT_LT(okvqa.paired->ci.high, 0.0);
}

// Expected values: Python, min(1, 2 * sum(comb(n, i) for i in range(k + 1)) / 2**n).
TEST(RunComparison, McNemarOfChangesIsTheExactBinomialTail) {
  EXPECT_NEAR(McNemarPValueOfChanges(25, 3), 2.744048833847046e-05, 1e-15);
  EXPECT_NEAR(McNemarPValueOfChanges(8, 4), 0.3876953125, 1e-12);
  EXPECT_NEAR(McNemarPValueOfChanges(900, 1000), 0.02310884510890107, 1e-12);
  EXPECT_EQ(McNemarPValueOfChanges(0, 0), 1.0);
  EXPECT_EQ(McNemarPValueOfChanges(5, 5), 1.0);
}

TEST(RunComparison, IdenticalRunsDifferNowhere) {
  const auto comparison = Compare("run_a", "run_a");
  for (const auto& row : comparison.entries) {
    EXPECT_EQ(row.Difference(), 0.0) << row.entry;
    if (!row.paired) continue;
    EXPECT_TRUE(row.paired->flipped.empty());
    EXPECT_EQ(row.paired->p_value, 1.0);
    EXPECT_EQ(row.paired->ci.low, 0.0);
    EXPECT_EQ(row.paired->ci.high, 0.0);
  }
  EXPECT_TRUE(comparison.only_in_a.empty());
}

TEST(RunComparison, NoiseHasAConfidenceIntervalAroundZero) {
  const auto comparison = Compare("run_a", "run_noise");
  const auto& okvqa = Row(comparison, "okvqa");
  ASSERT_TRUE(okvqa.paired);
  EXPECT_EQ(okvqa.paired->worse, 8);
  EXPECT_EQ(okvqa.paired->better, 4);
  EXPECT_DOUBLE_EQ(okvqa.paired->ci.mean_difference, 100.0 * (4 - 8) / 200);
  EXPECT_LT(okvqa.paired->ci.low, 0.0);
  EXPECT_GT(okvqa.paired->ci.high, 0.0);
  EXPECT_NEAR(okvqa.paired->p_value, 0.3876953125, 1e-12);
}

TEST(RunComparison, EntriesWithoutPerSampleFilesHaveNoStatistics) {
  const auto comparison = Compare("run_a", "run_noise");
  EXPECT_FALSE(Row(comparison, "vsr").paired.has_value());
  EXPECT_TRUE(Row(comparison, "chair:long").lower_is_better);
}

TEST(RunComparison, TextListsEveryEntryAndTheFlippedSamples) {
  const auto comparison = Compare("run_a", "run_regressed");
  const std::string text = FormatComparison(comparison, "run_a", "run_regressed", 3);
  EXPECT_NE(text.find("okvqa           accuracy  51.83   40.83   -11.00  ["), std::string::npos) << text;
  EXPECT_NE(text.find("2.7e-05    25/3     200"), std::string::npos) << text;
  EXPECT_NE(text.find("vsr             accuracy  61.20   61.20   0.00    no per-sample outcomes"),
            std::string::npos);
  EXPECT_NE(text.find("okvqa (28): "), std::string::npos);
  EXPECT_NE(text.find(", ... 25 more"), std::string::npos);
}

}  // namespace
}  // namespace vleval
