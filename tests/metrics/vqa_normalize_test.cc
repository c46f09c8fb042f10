#include "metrics/vqa_normalize.h"

#include <string>

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(VqaStripPeriods, DeletesEveryPeriodNotFollowedByADigit) {
  EXPECT_EQ(VqaProcessPunctuation("3.5"), "3.5");
  EXPECT_EQ(VqaProcessPunctuation(".5"), ".5");
  EXPECT_EQ(VqaProcessPunctuation("1."), "1");
  EXPECT_EQ(VqaProcessPunctuation("u.s.a."), "usa");
  EXPECT_EQ(VqaProcessPunctuation("1.2.3"), "1.2.3");
  EXPECT_EQ(VqaProcessPunctuation("a.b"), "ab");
}

TEST(VqaStripPeriods, RemovesAtMost32PeriodsBecauseReUnicodeIsTheCount) {
  EXPECT_EQ(VqaProcessPunctuation(std::string(40, '.')), std::string(8, '.'));
  EXPECT_EQ(VqaStripPeriods(std::string(32, '.')), "");
}

TEST(VqaProcessPunctuation, SpacesOrDeletesByTestsOnTheOriginalInput) {
  EXPECT_EQ(VqaProcessPunctuation("hot-dog"), "hot dog");
  EXPECT_EQ(VqaProcessPunctuation("yes!"), "yes ");     // trailing space kept
  EXPECT_EQ(VqaProcessPunctuation("wait !"), "wait ");  // next to a space: deleted
  EXPECT_EQ(VqaProcessPunctuation("a/b"), "a b");
}

TEST(VqaProcessPunctuation, OneDigitCommaDigitDeletesAllPunctuation) {
  EXPECT_EQ(VqaProcessPunctuation("3,5 and a-b"), "35 and ab");
  EXPECT_EQ(VqaProcessPunctuation("x,y"), "x y");
}

TEST(VqaProcessPunctuation, LeavesColonHashPercentDollarAndApostrophe) {
  for (const char* text : {"2:30", "#1", "50%", "$5", "it's"}) {
    EXPECT_EQ(VqaProcessPunctuation(text), text);
  }
}

TEST(VqaProcessDigitArticle, MapsNumberWordsDropsArticlesAppliesContractions) {
  EXPECT_EQ(VqaProcessDigitArticle("Two"), "2");
  EXPECT_EQ(VqaProcessDigitArticle("none"), "0");
  EXPECT_EQ(VqaProcessDigitArticle("the dog"), "dog");
  EXPECT_EQ(VqaProcessDigitArticle("a"), "");
  EXPECT_EQ(VqaProcessDigitArticle("  dont   know "), "don't know");
  EXPECT_EQ(VqaProcessDigitArticle("twenty"), "twenty");
  EXPECT_EQ(VqaProcessDigitArticle("Im"), "im");  // capitalised key never matches
  EXPECT_EQ(VqaProcessDigitArticle("somebody'd"), "somebodyd");
}

TEST(VqaNormalizeAnswer, AppliesPunctuationThenDigitArticle) {
  EXPECT_EQ(VqaNormalizeAnswer("a/b"), "b");
  EXPECT_EQ(VqaNormalizeAnswer("hot-dog"), "hot dog");
  for (const char* text : {"2:30", "#1", "50%", "$5", "it's"}) {
    EXPECT_EQ(VqaNormalizeAnswer(text), text);
  }
  EXPECT_EQ(VqaNormalizeAnswer("The U.S.A.!"), "usa");
}

TEST(VqaNormalizeAnswer, UsesAGivenContractionTable) {
  const ContractionTable curly = {{"dont", "don\xE2\x80\x99t"}};
  EXPECT_EQ(VqaNormalizeAnswer("Dont", curly), "don\xE2\x80\x99t");
}

}  // namespace
}  // namespace vleval
