#include "model/weights/pickle_value.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

using Kind = PickleValue::Kind;

TEST(PickleValueTest, FindLooksUpStringKeysOfADict) {
  auto dict = MakePickle(Kind::kDict);
  dict->entries.emplace_back(MakePickleInt(1), MakePickleText(Kind::kString, "int key"));
  dict->entries.emplace_back(MakePickleText(Kind::kString, "model"), MakePickleInt(7));
  ASSERT_NE(dict->Find("model"), nullptr);
  EXPECT_EQ(dict->Find("model")->integer, 7);
  EXPECT_EQ(dict->Find("1"), nullptr);
}

TEST(PickleValueTest, Latin1StringsBecomeTheirBytes) {
  // "\x00\xff A" as Python 2 pickles it: U+00FF stored as UTF-8 C3 BF.
  auto bytes =
      BytesFromLatin1(std::string("\x00\xc3\xbf"
                                  "A",
                                  4));
  ASSERT_TRUE(bytes->is(Kind::kBytes));
  EXPECT_EQ(bytes->text, std::string("\x00\xff"
                                     "A",
                                     3));
}

TEST(PickleValueTest, DescriptionsNameKindAndContent) {
  EXPECT_EQ(DescribePickleValue(*MakePickleText(Kind::kObject, "numpy.dtype")), "object numpy.dtype");
  EXPECT_EQ(DescribePickleValue(*MakePickleText(Kind::kString, "abc")), "str 'abc'");
  EXPECT_EQ(DescribePickleValue(*MakePickle(Kind::kDict)), "dict of 0");
}

}  // namespace
}  // namespace vleval
