#include "benchmarks/prompt.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

const PromptTemplate kRefer{"[refer]", "give me the location of {sent}"};

TEST(RenderTaskText, DefaultIdentifierPrecedesTheInstruction) {
  auto text = RenderTaskText(kRefer, {}, {{"sent", "the man"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "[refer] give me the location of the man");
}

TEST(RenderTaskText, NoneDropsTheIdentifierAndItsSpace) {
  auto choice = IdentifierChoice::Parse("none");
  ASSERT_TRUE(choice.ok());
  auto text = RenderTaskText(kRefer, *choice, {{"sent", "the man"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "give me the location of the man");
}

TEST(RenderTaskText, TokenReplacesTheIdentifier) {
  auto choice = IdentifierChoice::Parse("[vqa]");
  ASSERT_TRUE(choice.ok());
  auto text = RenderTaskText(kRefer, *choice, {{"sent", "the man"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "[vqa] give me the location of the man");
  EXPECT_EQ(choice->ToString(), "[vqa]");
}

TEST(RenderTaskText, EmptyIdentifierGivesNoLeadingSpace) {
  const PromptTemplate hm{
      "", "This is an image writting '{text}'. Is this image hateful? Answer yes or no. Answer:"};
  auto text = RenderTaskText(hm, {}, {{"text", "hi {sent}"}});
  ASSERT_TRUE(text.ok());
  // Field values are inserted verbatim: the braces in the value stay.
  EXPECT_EQ(*text, "This is an image writting 'hi {sent}'. Is this image hateful? Answer yes or no. Answer:");
}

TEST(RenderTaskText, MissingFieldIsAnError) {
  auto text = RenderTaskText(kRefer, {}, {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message, "prompt placeholder {sent} has no value");
}

TEST(IdentifierChoice, RejectsEmptyAndSpacedTokens) {
  EXPECT_FALSE(IdentifierChoice::Parse("").ok());
  EXPECT_FALSE(IdentifierChoice::Parse("[a b]").ok());
}

TEST(WrapConversation, FillsTheSlotOfTheOfficialWrapper) {
  EXPECT_EQ(WrapConversation("<s>[INST] <Img><ImageHere></Img> {} [/INST]", "[vqa] what?"),
            "<s>[INST] <Img><ImageHere></Img> [vqa] what? [/INST]");
}

}  // namespace
}  // namespace vleval
