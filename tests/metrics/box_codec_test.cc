#include "metrics/box_codec.h"

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

}  // namespace
}  // namespace vleval
