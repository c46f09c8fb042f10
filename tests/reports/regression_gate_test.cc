#include "reports/regression_gate.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kFixtures = testing::SourceDir() / "tests" / "reports" / "fixtures";

GateVerdict Gate(const char* a, const char* b, GateOptions options) {
  auto run_a = RunFolder::Open(kFixtures / a);
  auto run_b = RunFolder::Open(kFixtures / b);
  EXPECT_TRUE(run_a.ok() && run_b.ok());
  auto comparison = CompareRuns(*run_a, *run_b);
  EXPECT_TRUE(comparison.ok());
  return EvaluateGate(*comparison, options);
}

TEST(RegressionGate, ARealRegressionFailsAndSaysWhy) {
  const auto verdict = Gate("run_a", "run_regressed", {1.0, 0.05});
  EXPECT_TRUE(verdict.failed);
  ASSERT_EQ(verdict.reasons.size(), 2u);
  EXPECT_EQ(verdict.reasons[0],
            "FAIL okvqa: accuracy 51.83 -> 40.83, worse by 11.00 > 1.00 with McNemar p = 2.7e-05 < 0.05");
  EXPECT_EQ(verdict.reasons[1], "gate: FAILED: 1 entry dropped significantly (max drop 1.00, alpha 0.05)");
}

TEST(RegressionGate, ADropWithinNoisePassesAndSaysWhy) {
  // okvqa: 8 samples worse, 4 better: 2 points down, McNemar p = 0.388.
  const auto verdict = Gate("run_a", "run_noise", {1.0, 0.05});
  EXPECT_FALSE(verdict.failed);
  ASSERT_EQ(verdict.reasons.size(), 2u);
  EXPECT_EQ(verdict.reasons[0],
            "pass okvqa: accuracy 51.83 -> 49.83, worse by 2.00 > 1.00 but McNemar p = 0.388 >= 0.05 (within "
            "noise)");
  EXPECT_EQ(verdict.reasons[1],
            "gate: passed: no entry dropped by more than 1.00 points with p < 0.05 (23 entries compared)");
}

TEST(RegressionGate, IdenticalRunsPass) {
  const auto verdict = Gate("run_a", "run_a", {0.0, 0.05});
  EXPECT_FALSE(verdict.failed);
  EXPECT_EQ(verdict.reasons.size(), 1u);
}

TEST(RegressionGate, ADropLargerThanAllowedPassesWhenTheLimitIsHigher) {
  EXPECT_FALSE(Gate("run_a", "run_regressed", {12.0, 0.05}).failed);
  EXPECT_FALSE(Gate("run_a", "run_regressed", {1.0, 1e-6}).failed);
}

TEST(RegressionGate, AnImprovementNeverFails) {
  EXPECT_FALSE(Gate("run_regressed", "run_a", {1.0, 0.05}).failed);
}

TEST(RegressionGate, ADropWithoutPerSampleOutcomesFails) {
  RunComparison comparison;
  comparison.entries.push_back({"chair:short", "chair_i", true, 4.6, 7.1, std::nullopt});
  const auto verdict = EvaluateGate(comparison, {1.0, 0.05});
  EXPECT_TRUE(verdict.failed);
  EXPECT_EQ(verdict.reasons[0],
            "FAIL chair:short: chair_i 4.60 -> 7.10, worse by 2.50 > 1.00; no per-sample outcomes to test "
            "whether it "
            "is noise");
}

}  // namespace
}  // namespace vleval
