// Pillow's bicubic weights: kernel values, tap counts and fixed-point weights
// (spec model_and_preprocessing.md §4.3 worked sizes).
#include "model/image/resample_coefficients.h"

#include <numeric>

#include <gtest/gtest.h>

namespace vleval::image {
namespace {

TEST(BicubicKernel, IsTheAMinusHalfCubic) {
  EXPECT_EQ(BicubicKernel(0.0), 1.0);
  EXPECT_EQ(BicubicKernel(0.5), 0.5625);
  EXPECT_EQ(BicubicKernel(-0.5), 0.5625);
  EXPECT_EQ(BicubicKernel(1.0), 0.0);
  EXPECT_EQ(BicubicKernel(1.5), -0.0625);
  EXPECT_EQ(BicubicKernel(2.0), 0.0);
  EXPECT_EQ(BicubicKernel(7.0), 0.0);
}

TEST(BicubicCoefficients, TapCountsMatchTheSpecsWorkedSizes) {
  EXPECT_EQ(ComputeBicubicCoefficients(640, 448).taps_per_output, 7);
  EXPECT_EQ(ComputeBicubicCoefficients(480, 448).taps_per_output, 7);
  EXPECT_EQ(ComputeBicubicCoefficients(100, 448).taps_per_output, 5);
  // 4000 -> 448: support 2 * 8.93 = 17.86, ceil 18, 2 * 18 + 1.
  EXPECT_EQ(ComputeBicubicCoefficients(4000, 448).taps_per_output, 37);
}

TEST(BicubicCoefficients, SingleSourceSampleGetsTheWholeWeight) {
  const AxisCoefficients axis = ComputeBicubicCoefficients(1, 3);
  for (int out = 0; out < 3; ++out) {
    EXPECT_EQ(axis.first[out], 0);
    EXPECT_EQ(axis.count[out], 1);
    EXPECT_EQ(axis.weights[out * axis.taps_per_output], 1 << kResamplePrecisionBits);
  }
}

TEST(BicubicCoefficients, TapsStayInsideTheSourceAndWeightsSumNearOne) {
  const AxisCoefficients axis = ComputeBicubicCoefficients(640, 448);
  for (int out = 0; out < 448; ++out) {
    EXPECT_GE(axis.first[out], 0);
    EXPECT_LE(axis.first[out] + axis.count[out], 640);
    const auto* weights = &axis.weights[out * axis.taps_per_output];
    const long long sum = std::accumulate(weights, weights + axis.taps_per_output, 0LL);
    EXPECT_NEAR(sum, 1 << kResamplePrecisionBits, axis.taps_per_output) << out;  // per-weight rounding
  }
}

TEST(BicubicCoefficients, HalvingUsesTheWidenedKernel) {
  // 4 -> 2: scale 2, support 4; output 0 centres at 1.0 and reads samples 0..2
  // (xmax = int(1 + 4 + 0.5) = 5, clamped to 4) with weights f((x - 0.5) / 2).
  const AxisCoefficients axis = ComputeBicubicCoefficients(4, 2);
  EXPECT_EQ(axis.taps_per_output, 9);
  EXPECT_EQ(axis.first[0], 0);
  EXPECT_EQ(axis.count[0], 4);
  const double raw[4] = {BicubicKernel(-0.25), BicubicKernel(0.25), BicubicKernel(0.75), BicubicKernel(1.25)};
  const double sum = raw[0] + raw[1] + raw[2] + raw[3];
  for (int k = 0; k < 4; ++k) {
    const double fixed = raw[k] / sum * (1 << kResamplePrecisionBits);
    EXPECT_EQ(axis.weights[k], static_cast<int>(fixed < 0 ? fixed - 0.5 : fixed + 0.5)) << k;
  }
}

}  // namespace
}  // namespace vleval::image
