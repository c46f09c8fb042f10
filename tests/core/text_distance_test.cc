#include "core/text_distance.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("okvqa", "okvqa"), 0u);
  EXPECT_EQ(EditDistance("okvqa", "okvq"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(ClosestNames, SuggestsNearestFirstAndDropsFarNames) {
  const std::vector<std::string> known = {"okvqa", "gqa", "vsr", "vizwiz", "refcoco_val"};
  EXPECT_EQ(ClosestNames("okvq", known), (std::vector<std::string>{"okvqa"}));
  EXPECT_EQ(ClosestNames("gqaa", known).front(), "gqa");
  EXPECT_TRUE(ClosestNames("completely-different", known).empty());
}

TEST(UnknownNameMessage, NamesTheKindTheSuggestionAndEveryKnownName) {
  EXPECT_EQ(UnknownNameMessage("task", "vizwis", {"vizwiz", "vsr"}),
            "unknown task 'vizwis'; did you mean 'vizwiz'? known: vizwiz, vsr");
  EXPECT_EQ(UnknownNameMessage("task", "gq", {"gqa", "gqb", "vsr"}),
            "unknown task 'gq'; did you mean 'gqa' or 'gqb'? known: gqa, gqb, vsr");
  EXPECT_EQ(UnknownNameMessage("task", "zzzzzz", {"gqa"}), "unknown task 'zzzzzz'; known: gqa");
  EXPECT_EQ(UnknownNameMessage("suite", "x", {}), "unknown suite 'x'; none is known");
}

}  // namespace
}  // namespace vleval
