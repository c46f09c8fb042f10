#include <gtest/gtest.h>

#include "metrics/chair/punkt_parameters.h"
#include "metrics/chair/punkt_sentence_splitter.h"
#include "metrics/chair/treebank_word_tokenizer.h"
#include "tests/metrics/chair_test_tables.h"

namespace vleval::chair {
namespace {

using Strings = std::vector<std::string>;

TEST(PunktParameters, ParsesTheFourTables) {
  auto params =
      ParsePunktParameters("dr\nu.s\n", "##number##\tabreast\n", "however\n", "the\t126\nsmith\t12\n");
  ASSERT_TRUE(params.ok()) << params.error().message;
  EXPECT_EQ(params->abbrev_types.size(), 2u);
  EXPECT_EQ(params->collocations.count({"##number##", "abreast"}), 1u);
  EXPECT_EQ(params->OrthoContext("the"), 126);
  EXPECT_EQ(params->OrthoContext("unseen"), 0);
}

TEST(PunktParameters, MalformedLineNamesTableAndLine) {
  auto params = ParsePunktParameters("", "", "", "the\t126\nsmith\ttwelve\n");
  ASSERT_FALSE(params.ok());
  EXPECT_EQ(params.error().message,
            "punkt ortho_context.tab line 2: flags 'twelve' are not a non-negative integer");
  auto collocation = ParsePunktParameters("", "a b\n", "", "");
  ASSERT_FALSE(collocation.ok());
  EXPECT_EQ(collocation.error().message, "punkt collocations.tab line 1: expected two tab-separated fields");
}

TEST(PunktWordTokens, SplitsPunctuationButNotPeriods) {
  EXPECT_EQ(PunktWordTokens("(on the table.) a dog, two--three... x"),
            (Strings{"(", "on", "the", "table.", ")", "a", "dog", ",", "two", "--", "three", "...", "x"}));
}

TEST(PunktSplitter, RealTablesSplitAfterOrdinaryWords) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_EQ(SplitSentences("a dog sits on the table. a cat sleeps.", tables->punkt),
            (Strings{"a dog sits on the table.", "a cat sleeps."}));
}

TEST(PunktSplitter, AbbreviationBeforeLowerCaseNameDoesNotSplit) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_EQ(SplitSentences("mr. smith walks. he runs.", tables->punkt),
            (Strings{"mr. smith walks.", "he runs."}));
}

TEST(PunktSplitter, NumberBeforeLowerCaseWordDoesNotSplit) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_EQ(SplitSentences("the clock shows 12. the dog runs.", tables->punkt),
            (Strings{"the clock shows 12. the dog runs."}));
}

TEST(PunktSplitter, RealignsClosingPunctuationAsTheNltkDocstringShows) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  const std::string text =
      "(How does it deal with this parenthesis?)  \"It should be part of the\n"
      "previous sentence.\" \"(And the same with this one.)\" ('And this one!')\n"
      "\"('(And (this)) '?)\" [(and this. )]";
  EXPECT_EQ(SplitSentences(text, tables->punkt),
            (Strings{"(How does it deal with this parenthesis?)",
                     "\"It should be part of the\nprevious sentence.\"", "\"(And the same with this one.)\"",
                     "('And this one!')", "\"('(And (this)) '?)\"", "[(and this. )]"}));
}

TEST(PunktSplitter, EmptyTextHasNoSentence) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_TRUE(SplitSentences("   ", tables->punkt).empty());
}

TEST(NltkWordTokenize, MatchesTheWordTokenizeDocstring) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  const std::string text = "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\n\nThanks.";
  EXPECT_EQ(NltkWordTokenize(text, tables->punkt),
            (Strings{"Good", "muffins", "cost", "$", "3.88", "in", "New", "York", ".", "Please", "buy", "me",
                     "two", "of", "them", ".", "Thanks", "."}));
}

TEST(NltkWordTokenize, PeriodInsideASentenceStaysOnTheWordWithoutPunkt) {
  EXPECT_EQ(TreebankTokenize("on the table. a dog"), (Strings{"on", "the", "table.", "a", "dog"}));
}

}  // namespace
}  // namespace vleval::chair
