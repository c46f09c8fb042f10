#include "model/tokenizer/sentencepiece_tokenizer.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

std::vector<int32_t> SpmEncodeIds(const std::filesystem::path& model, const std::string& text,
                                  const std::filesystem::path& scratch) {
  const auto input = scratch / "input.txt";
  std::ofstream(input) << text << "\n";
  auto result =
      testing::RunCommand("spm_encode --model=" + model.string() + " --output_format=id < " + input.string());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::istringstream ids(result.out);
  std::vector<int32_t> out;
  for (int32_t id; ids >> id;) out.push_back(id);
  return out;
}

class SentencePieceTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    model_ = testing::MakeTinyTokenizer(dir_.path());
    if (model_.empty()) GTEST_SKIP() << "skipped: spm_train is not installed";
  }
  testing::TempDir dir_;
  std::filesystem::path model_;
};

TEST_F(SentencePieceTokenizerTest, EncodesExactlyAsSpmEncode) {
  auto tokenizer = SentencePieceTokenizer::Load(model_);
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().message;
  for (const std::string text : {"[INST] <Img>", "</Img> [vqa] what is the man holding? [/INST]",
                                 "[refer] give me the location of the woman", "Ünïcode ✓ 12345"}) {
    EXPECT_EQ(tokenizer->Encode(text), SpmEncodeIds(model_, text, dir_.path())) << text;
  }
}

TEST_F(SentencePieceTokenizerTest, DecodeInvertsEncodeAndSpecialIdsAreControls) {
  auto tokenizer = SentencePieceTokenizer::Load(model_);
  ASSERT_TRUE(tokenizer.ok());
  const std::string text = "give me the location of the dog";
  EXPECT_EQ(tokenizer->Decode(tokenizer->Encode(text)), text);
  EXPECT_EQ(tokenizer->VocabSize(), 400);
  EXPECT_EQ(tokenizer->PieceToId("<s>"), 1);
  EXPECT_EQ(tokenizer->PieceToId("</s>"), 2);
  EXPECT_EQ(tokenizer->PieceToId("no-such-piece"), 0);
  // "<s>" in text is plain characters to sentencepiece, never id 1.
  for (int32_t id : tokenizer->Encode("<s>")) EXPECT_NE(id, 1);
}

TEST(SentencePieceTokenizer, MissingModelErrorNamesTheFile) {
  auto tokenizer = SentencePieceTokenizer::Load("/nonexistent/tokenizer.model");
  ASSERT_FALSE(tokenizer.ok());
  EXPECT_NE(tokenizer.error().message.find("/nonexistent/tokenizer.model"), std::string::npos);
}

}  // namespace
}  // namespace vleval
