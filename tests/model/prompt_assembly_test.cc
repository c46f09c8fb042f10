// Prompt tokenisation as transformers 4.30's legacy slow tokenizer does it for
// MiniGPT-v2, and answer decoding as its generate() post-processes.
#include "model/tokenizer/prompt_assembly.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

class PromptAssembly : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto model = testing::MakeTinyTokenizer(dir_.path());
    if (model.empty()) GTEST_SKIP() << "skipped: spm_train is absent";
    auto loaded = SentencePieceTokenizer::Load(model);
    ASSERT_TRUE(loaded) << loaded.error().message;
    tokenizer_.emplace(std::move(*loaded));
  }
  std::vector<int32_t> Concat(std::vector<int32_t> a, const std::vector<int32_t>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  testing::TempDir dir_;
  std::optional<SentencePieceTokenizer> tokenizer_;
};

TEST_F(PromptAssembly, TwoBosThenEachPieceEncodedOnItsOwn) {
  auto prompt = AssemblePrompt(*tokenizer_, "<s>[INST] <Img><ImageHere></Img> what is it? [/INST]");
  ASSERT_TRUE(prompt) << prompt.error().message;
  EXPECT_EQ(prompt->before_image, Concat({1, 1}, tokenizer_->Encode("[INST] <Img>")));
  EXPECT_EQ(prompt->after_image, tokenizer_->Encode("</Img> what is it? [/INST]"));
  // Each piece starts with the dummy prefix, so the split changes the ids.
  EXPECT_NE(Concat(prompt->before_image, prompt->after_image),
            Concat({1, 1}, tokenizer_->Encode("[INST] <Img></Img> what is it? [/INST]")));
}

TEST_F(PromptAssembly, LiteralEndOfSentenceBecomesEosAndTextAroundIsEncodedApart) {
  EXPECT_EQ(EncodeWithSpecialTokens(*tokenizer_, "yes</s>"), Concat(tokenizer_->Encode("yes"), {2}));
  EXPECT_EQ(EncodeWithSpecialTokens(*tokenizer_, "a<s>b"),
            Concat(Concat(tokenizer_->Encode("a"), {1}), tokenizer_->Encode("b")));
}

TEST_F(PromptAssembly, PromptNeedsExactlyOneImageMarker) {
  auto none = AssemblePrompt(*tokenizer_, "<s>[INST] hi [/INST]");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message, "prompt has no <ImageHere>: \"<s>[INST] hi [/INST]\"");
  auto two = AssemblePrompt(*tokenizer_, "<ImageHere><ImageHere>");
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().message, "prompt has more than one <ImageHere>: \"<ImageHere><ImageHere>\"");
}

TEST_F(PromptAssembly, DecodeDropsSpecialIdsAndKeepsTextAfterTheLastInst) {
  const auto ids = Concat(Concat({0, 1}, tokenizer_->Encode("[INST] hi [/INST] the cat ")), {2});
  EXPECT_EQ(DecodeAnswer(*tokenizer_, ids), "the cat");
  EXPECT_EQ(DecodeAnswer(*tokenizer_, tokenizer_->Encode("a dog  ")), "a dog");
}

TEST_F(PromptAssembly, TheModelConfigsTokenIdsReplaceLlamas) {
  const SpecialTokenIds special{5, 6};
  auto prompt = AssemblePrompt(*tokenizer_, "<s>[INST] <ImageHere> a</s> [/INST]", special);
  ASSERT_TRUE(prompt) << prompt.error().message;
  EXPECT_EQ(prompt->before_image, Concat({5, 5}, tokenizer_->Encode("[INST] ")));
  EXPECT_EQ(prompt->after_image,
            Concat(Concat(tokenizer_->Encode(" a"), {6}), tokenizer_->Encode(" [/INST]")));
  // Decoding drops these ids.
  const auto cat = tokenizer_->Encode("the cat");
  EXPECT_EQ(DecodeAnswer(*tokenizer_, Concat(Concat({5}, cat), {6}), special), "the cat");
}

}  // namespace
}  // namespace vleval
