// The REC resampling rule of eval_ref.py: validity check, Python list-repr
// prompts with growing nesting, the last round accepting anything.
#include "benchmarks/rec_resampling.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

const PromptTemplate kRefer{"[refer]", "give me the location of {sent}"};

TEST(RecResampling, WellFormedIsAnchoredAtTheStartOnly) {
  EXPECT_TRUE(RecOutputIsWellFormed("{<12><0><100><99>}"));
  EXPECT_TRUE(RecOutputIsWellFormed("{<12><0><100><99>}trailing<5>"));
  EXPECT_FALSE(RecOutputIsWellFormed("x{<12><0><100><99>}"));
  EXPECT_FALSE(RecOutputIsWellFormed("{<1234><0><100><99>}"));
  EXPECT_FALSE(RecOutputIsWellFormed("{<12><0><100>}"));
  EXPECT_FALSE(RecOutputIsWellFormed("{<><0><100><99>}"));
  EXPECT_FALSE(RecOutputIsWellFormed(""));
}

TEST(RecResampling, NestingGrowsEachRoundLikePythonListRepr) {
  auto resampler = RecResampler::Create(kRefer, {});
  ASSERT_TRUE(resampler.ok());
  EXPECT_EQ(resampler->prefix(), "[refer] give me the location of");
  const std::string round1 = resampler->NextSent("[refer] give me the location of the man");
  EXPECT_EQ(round1, "['the man']");
  const std::string round2 = resampler->NextSent("[refer] give me the location of " + round1);
  EXPECT_EQ(round2, "[\"['the man']\"]");
  const std::string round3 = resampler->NextSent("[refer] give me the location of " + round2);
  EXPECT_EQ(round3, "['[\"[\\'the man\\']\"]']");
}

TEST(RecResampling, PythonReprPicksQuotesAndEscapes) {
  EXPECT_EQ(PythonStrRepr("a lady ' s head"), "\"a lady ' s head\"");
  EXPECT_EQ(PythonStrRepr("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(PythonStrRepr("it's \"x\""), "'it\\'s \"x\"'");
  EXPECT_EQ(PythonStrRepr("back\\slash\ttab\n"), "'back\\\\slash\\ttab\\n'");
  EXPECT_EQ(PythonStrRepr(std::string("\x01", 1)), "'\\x01'");
}

TEST(RecResampling, IdentifierChoiceChangesThePrefixRemoved) {
  auto none = RecResampler::Create(kRefer, *IdentifierChoice::Parse("none"));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->prefix(), "give me the location of");
  EXPECT_EQ(none->NextSent("give me the location of the dog"), "['the dog']");
}

TEST(RecResampling, OnlyTheFifthExtraRoundAcceptsAnything) {
  EXPECT_EQ(kRecResampleRounds, 5);
  EXPECT_FALSE(RecRoundAcceptsAnything(0));
  EXPECT_FALSE(RecRoundAcceptsAnything(4));
  EXPECT_TRUE(RecRoundAcceptsAnything(5));
}

}  // namespace
}  // namespace vleval
