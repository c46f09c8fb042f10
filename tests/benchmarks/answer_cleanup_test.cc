// The per-family answer clean-up of the official MiniGPT-v2 scripts.
#include "benchmarks/answer_cleanup.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(AnswerCleanup, VqaLowersDropsUnkAndStrips) {
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kLowerDropUnkStrip, "  <unk>Red Car<UNK>\n"), "red car");
}

TEST(AnswerCleanup, VizwizAndVsrKeepCase) {
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kDropUnkStrip, " True<unk> "), "True");
}

TEST(AnswerCleanup, HmKeepsUnkButLowersAndStrips) {
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kLowerStrip, " Yes<unk>\t"), "yes<unk>");
}

TEST(AnswerCleanup, RecRemovesEverySpace) {
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kRecCompact, " {<1> <2><3> <4>} <unk>"), "{<1><2><3><4>}");
}

TEST(AnswerCleanup, NamesAreStable) {
  EXPECT_EQ(AnswerCleanupName(AnswerCleanup::kRecCompact), "rec_compact");
  EXPECT_EQ(AnswerCleanupName(AnswerCleanup::kLowerDropUnkStrip), "lower_drop_unk_strip");
}

// One pass over the output: a million "<unk>" and spaces (a degenerate
// generation) would take hours with a replace per occurrence.
TEST(AnswerCleanup, VeryLongOutputsAreCleanedInLinearTime) {
  std::string output;
  for (int i = 0; i < 1'000'000; ++i) output += "<unk> ";
  output += "Yes <<unk>unk>";
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kLowerDropUnkStrip, output), "yes <unk>");
  EXPECT_EQ(CleanAnswer(AnswerCleanup::kRecCompact, output), "Yes<unk>");
}

}  // namespace
}  // namespace vleval
