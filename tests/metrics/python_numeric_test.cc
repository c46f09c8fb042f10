#include "metrics/python_numeric.h"

#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(PythonSum, AddsLeftToRightSoOrderChangesTheLastBit) {
  EXPECT_EQ(PythonSum({0.1, 0.2, 0.3}), (0.1 + 0.2) + 0.3);
  EXPECT_NE(PythonSum({0.1, 0.2, 0.3}), PythonSum({0.3, 0.2, 0.1}));
}

TEST(PythonRound, RoundsTheExactBinaryValueHalfToEven) {
  EXPECT_EQ(PythonRound(2.675, 2), 2.67);  // 2.67499999... in binary
  EXPECT_EQ(PythonRound(0.125, 2), 0.12);  // exact tie -> even
  EXPECT_EQ(PythonRound(0.375, 2), 0.38);  // exact tie -> even
  EXPECT_EQ(PythonRound(60.00000000000001, 2), 60.0);
  EXPECT_EQ(PythonRound(-1.005, 2), -1.0);  // -1.00499999...
  EXPECT_EQ(PythonRound(1e300, 2), 1e300);
}

TEST(NumpyPairwiseSum, UsesEightAccumulatorsAboveSevenElements) {
  std::vector<double> values = {1e16, 1, 1, 1, 1, 1, 1, 1, 1};
  // Accumulators r0 = 1e16 + 1 (lost), r1..r7 = 1: ((1e16+1)+2) + 4 + leftover 1.
  double expected = ((1e16 + 1.0) + (1.0 + 1.0)) + ((1.0 + 1.0) + (1.0 + 1.0));
  expected += 1.0;
  EXPECT_EQ(NumpyPairwiseSum(values), expected);
}

// Compares against numpy itself when /usr/bin/python3 has it.
TEST(NumpyMean, EqualsNpAverageBitForBit) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  auto probe = testing::RunCommand("/usr/bin/python3 -c 'import numpy'");
  if (probe.exit_code != 0) GTEST_SKIP() << "numpy absent for /usr/bin/python3";
  for (size_t n : {5u, 8u, 100u, 129u, 1000u, 4319u}) {
    std::vector<double> values;
    for (size_t i = 0; i < n; ++i) values.push_back(static_cast<double>((i * 7919) % 4) / 3.0);
    auto result =
        testing::RunCommand("/usr/bin/python3 -c 'import numpy as np; v=[((i*7919)%4)/3.0 for i in range(" +
                            std::to_string(n) + ")]; print(repr(float(np.average(v))))'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    char mine[64];
    std::snprintf(mine, sizeof mine, "%.17g", NumpyMean(values));
    EXPECT_EQ(std::stod(result.out), NumpyMean(values))
        << "n=" << n << " mine=" << mine << " numpy=" << result.out;
  }
}

TEST(Percentages, KeepEachReferenceFormula) {
  EXPECT_EQ(HundredTimesSumOverN(1.0, 3), 100.0 * 1.0 / 3.0);
  EXPECT_EQ(RatioTimesHundred(1.0, 3), 1.0 / 3.0 * 100.0);
  EXPECT_NE(HundredTimesSumOverN(1.0, 3), RatioTimesHundred(1.0, 3));
}

}  // namespace
}  // namespace vleval
