#include "metrics/chair/treebank_padding.h"

#include <random>
#include <regex>

#include <gtest/gtest.h>

#include "metrics/chair/treebank_word_tokenizer.h"

namespace vleval::chair {
namespace {

// Random short texts over the characters the four rules care about, checked
// against std::regex_replace with the nltk patterns (short texts keep the
// regex's recursion shallow).
std::string RandomText(std::mt19937& random) {
  static const char* const kPieces[] = {".",
                                        ".",
                                        "`",
                                        " ",
                                        "\t",
                                        "\n",
                                        "]",
                                        ")",
                                        "}",
                                        ">",
                                        "\"",
                                        "'",
                                        "a",
                                        "b",
                                        "\xC2\xBB",
                                        "\xE2\x80\x9D",
                                        "\xE2\x80\x99",
                                        "\xC2\xAB",
                                        "\xE2\x80\x9C",
                                        "\xE2\x80\x98",
                                        "\xE2\x80\x9E",
                                        "\xC2",
                                        "\xE2\x80"};
  std::uniform_int_distribution<int> length(0, 14);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::string text;
  for (int n = length(random); n > 0; --n) text += kPieces[piece(random)];
  return text;
}

void ExpectSameAsRegex(std::string (*rewrite)(std::string_view), const char* pattern,
                       const char* replacement) {
  const std::regex regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  std::mt19937 random(13);
  for (int i = 0; i < 30000; ++i) {
    const std::string text = RandomText(random);
    ASSERT_EQ(rewrite(text), std::regex_replace(text, regex, replacement)) << "text: '" << text << "'";
  }
}

TEST(TreebankPadding, StartingQuotesMatchTheRegex) {
  ExpectSameAsRegex(PadStartingQuotes, "(\xC2\xAB|\xE2\x80\x9C|\xE2\x80\x98|\xE2\x80\x9E|`+)", " $1 ");
}

TEST(TreebankPadding, EllipsisMatchesTheRegex) { ExpectSameAsRegex(PadEllipsis, "\\.{2,}", " $& "); }

TEST(TreebankPadding, FinalPeriodBeforeQuotesMatchesTheRegex) {
  ExpectSameAsRegex(PadFinalPeriodBeforeQuotes,
                    "([^\\.])(\\.)((?:[\\]\\)}>\"' ]|\xC2\xBB|\xE2\x80\x9D|\xE2\x80\x99)*)\\s*$",
                    "$1 $2 $3 ");
}

TEST(TreebankPadding, FinalPeriodMatchesTheRegex) {
  ExpectSameAsRegex(PadFinalPeriod, "([^\\.])(\\.)([\\]\\)}>\"']*)\\s*$", "$1 $2$3 ");
}

// A run of a million characters would overflow the stack of std::regex.
TEST(TreebankPadding, LongRunsAreLinearAndUseConstantStack) {
  const std::string dots(1'000'000, '.');
  EXPECT_EQ(PadEllipsis("a" + dots), "a " + dots + " ");
  EXPECT_EQ(PadStartingQuotes(std::string(1'000'000, '`')).size(), 1'000'002u);
  const std::string closing(1'000'000, ')');
  EXPECT_EQ(PadFinalPeriod("a." + closing + "   "), "a ." + closing + " ");
  EXPECT_EQ(PadFinalPeriodBeforeQuotes("a." + closing), "a . " + closing + " ");
}

TEST(TreebankTokenize, VeryLongModelOutputIsTokenizedWithoutCrashing) {
  const std::string output = "There is a cat" + std::string(2'000'000, '.') + std::string(500'000, ')') +
                             std::string(500'000, '`') + " end.";
  const auto tokens = TreebankTokenize(output);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front(), "There");
  EXPECT_EQ(tokens.back(), ".");
}

}  // namespace
}  // namespace vleval::chair
