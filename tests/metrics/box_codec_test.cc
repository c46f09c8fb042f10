#include "metrics/box_codec.h"

#include <cmath>

#include <gtest/gtest.h>

namespace vleval {
namespace {

const BoxCodec& Codec(const std::string& name) {
  auto codec = BoxCodecRegistry().Find(name);
  EXPECT_TRUE(codec.ok()) << name;
  return **codec;
}

TEST(MiniGptV2BoxCodec, ScalesTheHundredGridToTheOriginalImage) {
  auto box = Codec("minigptv2").decode("{<10><20><50><100>}", 640, 480);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->x1, 10 / 100.0 * 640);
  EXPECT_EQ(box->y1, 20 / 100.0 * 480);
  EXPECT_EQ(box->x2, 50 / 100.0 * 640);
  EXPECT_EQ(box->y2, 100 / 100.0 * 480);
}

TEST(MiniGptV2BoxCodec, CleansUnkAndSpacesAndAllowsTrailingText) {
  EXPECT_TRUE(Codec("minigptv2").decode(" <unk>{<1> <2><3><4>} ", 10, 10).ok());
  EXPECT_TRUE(Codec("minigptv2").decode("{<1><2><3><4>} is the man", 10, 10).ok());
}

TEST(MiniGptV2BoxCodec, ValidityIsAnchoredAtTheStart) {
  EXPECT_FALSE(Codec("minigptv2").decode("the box {<1><2><3><4>}", 10, 10).ok());
  EXPECT_FALSE(Codec("minigptv2").decode("{<1><2><3><1000>}", 10, 10).ok());  // 4 digits
  EXPECT_FALSE(Codec("minigptv2").decode("{<1><2><3>}", 10, 10).ok());
}

TEST(MiniGptV2BoxCodec, AFifthIntegerAfterTheBoxMakesItWrong) {
  auto box = Codec("minigptv2").decode("{<1><2><3><4>} 5", 10, 10);
  ASSERT_FALSE(box.ok());
  EXPECT_EQ(box.error().message, "5 integers in '{<1><2><3><4>}5', 4 expected");
  EXPECT_FALSE(Codec("minigptv2").decode("{<1><2><3><4>}{<5><6><7><8>}", 10, 10).ok());
}

TEST(UnitFloatsBoxCodec, ReadsTheFirstBracketedQuadrupleAsFractions) {
  auto box = Codec("unit_floats").decode("box: [0.1, 0.25,0.5,  1] and [0, 0, 0, 0]", 200, 100);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->x1, 0.1 * 200);
  EXPECT_EQ(box->y1, 25.0);
  EXPECT_EQ(box->x2, 100.0);
  EXPECT_EQ(box->y2, 100.0);
  EXPECT_FALSE(Codec("unit_floats").decode("[0.1 ,0.2, 0.3, 0.4]", 1, 1).ok());  // space before comma
  EXPECT_FALSE(Codec("unit_floats").decode("no box", 1, 1).ok());
}

TEST(Grid1000BoxCodec, ScalesIntegersOnTheThousandGrid) {
  auto box = Codec("grid1000").decode("[100, 200, 500, 1000]", 640, 480);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->x1, 100 / 1000.0 * 640);
  EXPECT_EQ(box->y2, 480.0);
  EXPECT_FALSE(Codec("grid1000").decode("[100, 200, 500, 1001]", 640, 480).ok());
  EXPECT_FALSE(Codec("grid1000").decode("[0.5, 200, 500, 100]", 640, 480).ok());
}

TEST(BoxCodecRegistry, UnknownCodecSuggestsTheClosestName) {
  auto codec = BoxCodecRegistry().Find("minigpt");
  ASSERT_FALSE(codec.ok());
  EXPECT_NE(codec.error().message.find("minigptv2"), std::string::npos);
}

TEST(UnitFloatsBoxCodec, HugeNumbersOverflowToInfinityAsPythonFloatDoes) {
  const std::string huge(400, '9');
  auto box = Codec("unit_floats").decode("[" + huge + ", 0.5, 0.5, 0.5]", 10, 10);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_TRUE(std::isinf(box->x1));
  EXPECT_FALSE(Codec("grid1000").decode("[" + huge + ", 1, 2, 3]", 10, 10).ok());  // a parse failure
}

TEST(UnitFloatsBoxCodec, TheFirstCompleteQuadrupleWinsAfterFalseStarts) {
  auto box = Codec("unit_floats").decode("[[1, 2, 3] [-1.5,\t2, 3 , 4] [0.5, 0.5, 1, 1]", 1, 1);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->x1, 0.5);
  box = Codec("unit_floats").decode("[1., 2, 3, 4] [1.5, 2, 3,4 ]", 1, 1);
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->x1, 1.5);
}

// Model outputs are scored whatever their length: linear time, constant
// stack, and an error message that quotes only a prefix.
TEST(BoxCodecs, VeryLongOutputsAreParseFailuresNotCrashes) {
  const std::string junk = std::string(3'000'000, '[') + std::string(3'000'000, '1');
  for (const char* name : {"minigptv2", "unit_floats", "grid1000"}) {
    auto box = Codec(name).decode(junk, 10, 10);
    ASSERT_FALSE(box.ok()) << name;
    EXPECT_LT(box.error().message.size(), 300u) << name;
  }
  const std::string digits = "{<1><2><3><4>}" + std::string(3'000'000, '7');
  EXPECT_FALSE(Codec("minigptv2").decode(digits, 10, 10).ok());
  auto box = Codec("unit_floats").decode(std::string(1'000'000, ' ') + "[0.1, 0.2, 0.3, 0.4]", 10, 10);
  EXPECT_TRUE(box.ok());
}

}  // namespace
}  // namespace vleval
