#include "metrics/chair/treebank_word_tokenizer.h"

#include <gtest/gtest.h>

namespace vleval::chair {
namespace {

using Strings = std::vector<std::string>;

TEST(TreebankTokenize, MatchesTheNltkWordTokenizerDocstring) {
  const std::string text =
      "Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\n"
      "Thanks.";
  EXPECT_EQ(TreebankTokenize(text), (Strings{"Good", "muffins", "cost", "$",  "3.88",  "(",      "roughly",
                                             "3,36", "euros",   ")",    "in", "New",   "York.",  "Please",
                                             "buy",  "me",      "two",  "of", "them.", "Thanks", "."}));
}

TEST(TreebankTokenize, SplitsClitics) {
  EXPECT_EQ(TreebankTokenize("They'll save and invest more."),
            (Strings{"They", "'ll", "save", "and", "invest", "more", "."}));
  EXPECT_EQ(TreebankTokenize("hi, my name can't hello,"),
            (Strings{"hi", ",", "my", "name", "ca", "n't", "hello", ","}));
  EXPECT_EQ(TreebankTokenize("i cannot go, gonna stay"),
            (Strings{"i", "can", "not", "go", ",", "gon", "na", "stay"}));
}

TEST(TreebankTokenize, QuotesEllipsisAndSymbols) {
  EXPECT_EQ(TreebankTokenize("\"a dog\" sees... a cat; 5% off*"),
            (Strings{"``", "a", "dog", "''", "sees", "...", "a", "cat", ";", "5", "%", "off", "*"}));
  EXPECT_EQ(TreebankTokenize("\xE2\x80\x9Chi\xE2\x80\x9D"), (Strings{"\xE2\x80\x9C", "hi", "\xE2\x80\x9D"}));
}

TEST(TreebankTokenize, FinalPeriodBeforeClosingBracketIsSplit) {
  EXPECT_EQ(TreebankTokenize("(a dog.)"), (Strings{"(", "a", "dog", ".", ")"}));
}

}  // namespace
}  // namespace vleval::chair
