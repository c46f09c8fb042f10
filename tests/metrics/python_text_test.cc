#include "metrics/python_text.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(PyStrip, RemovesAsciiAndUnicodeWhitespaceAtBothEnds) {
  EXPECT_EQ(PyStrip(" \t\n yes \r\n"), "yes");
  EXPECT_EQ(PyStrip("\xC2\xA0no\xE3\x80\x80"), "no");  // U+00A0 and U+3000
  EXPECT_EQ(PyStrip("a b"), "a b");
  EXPECT_EQ(PyStrip("   "), "");
}

TEST(PySplit, SplitsOnRunsOfWhitespaceWithoutEmptyTokens) {
  EXPECT_EQ(PySplit("  two   dogs\u2003here "), (std::vector<std::string>{"two", "dogs", "here"}));
  EXPECT_TRUE(PySplit(" \t ").empty());
}

TEST(PySplitOn, KeepsEmptyPiecesLikeStrSplitWithASeparator) {
  EXPECT_EQ(PySplitOn("a__b_", "_"), (std::vector<std::string>{"a", "", "b", ""}));
  EXPECT_EQ(PySplitOn("", "_"), (std::vector<std::string>{""}));
}

TEST(PyLower, LowersAsciiLatinGreekCyrillicAndKelvinSign) {
  EXPECT_EQ(PyLower("YES No"), "yes no");
  EXPECT_EQ(PyLower("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ -> été
  EXPECT_EQ(PyLower("\xCE\xA3"), "\xCF\x83");                    // Σ -> σ
  EXPECT_EQ(PyLower("\xD0\x94"), "\xD0\xB4");                    // Д -> д
  EXPECT_EQ(PyLower("\xE2\x84\xAA"), "k");                       // KELVIN SIGN
  EXPECT_EQ(PyLower("\xC4\xB0"), "i\xCC\x87");                   // İ -> i + U+0307
  EXPECT_EQ(PyLower("\xFF\xFE"), "\xFF\xFE");                    // bad UTF-8 kept
}

TEST(PyReplaceAndRstrip, BehaveLikeTheStrMethods) {
  EXPECT_EQ(PyReplace("a<unk>b<unk>", "<unk>", ""), "ab");
  EXPECT_EQ(PyRstripChars("yes...", "."), "yes");
  EXPECT_EQ(PyRstripChars("...", "."), "");
  EXPECT_EQ(PyJoin({"a", "b", "c"}, "_"), "a_b_c");
}

}  // namespace
}  // namespace vleval
