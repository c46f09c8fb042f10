#include "reports/number_format.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(NumberFormat, FixedRoundsAndNeverWritesNegativeZero) {
  EXPECT_EQ(Fixed(51.834), "51.83");
  EXPECT_EQ(Fixed(2.0 / 3.0, 3), "0.667");
  EXPECT_EQ(Fixed(-0.001), "0.00");
  EXPECT_EQ(Fixed(-5.07), "-5.07");
}

TEST(NumberFormat, SignedMarksPositiveValuesOnly) {
  EXPECT_EQ(Signed(1.2), "+1.20");
  EXPECT_EQ(Signed(-0.354), "-0.35");
  EXPECT_EQ(Signed(0.0), "0.00");
  EXPECT_EQ(Signed(-0.0001), "0.00");
}

TEST(NumberFormat, ShortestIsTheRoundTripRepr) {
  EXPECT_EQ(Shortest(56.9), "56.9");
  EXPECT_EQ(Shortest(84.29), "84.29");
  EXPECT_EQ(Shortest(0.1 + 0.2), "0.30000000000000004");
}

TEST(NumberFormat, PValuesSwitchToExponentBelowOnePerMille) {
  EXPECT_EQ(PValueText(0.3876953125), "0.388");
  EXPECT_EQ(PValueText(2.744048833847046e-05), "2.7e-05");
  EXPECT_EQ(PValueText(1.0), "1.000");
}

}  // namespace
}  // namespace vleval
