#include "model/openai/chat_json.h"

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/openai/base64.h"
#include "model/openai/endpoint_url.h"

namespace vleval::openai {
namespace {

TEST(OpenAiBase64, EncodesWithPaddingAsRfc4648) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode(std::string("\xff\xfe\x00", 3)), "//4A");
  EXPECT_EQ(DataUrl("image/png", "\x89PNG"), "data:image/png;base64,iVBORw==");
}

TEST(OpenAiEndpointUrl, DropsCredentialsQueryAndFragment) {
  EXPECT_EQ(UrlWithoutCredentials("https://user:secret@host:8000/v1?key=abc#x"), "https://host:8000/v1");
  EXPECT_EQ(UrlWithoutCredentials("http://127.0.0.1:8000/v1"), "http://127.0.0.1:8000/v1");
  EXPECT_EQ(UrlWithoutCredentials("http://host/v1/a@b"), "http://host/v1/a@b");
  EXPECT_EQ(JoinUrl("http://h/v1/", "/chat/completions"), "http://h/v1/chat/completions");
  EXPECT_EQ(JoinUrl("http://h/v1", "models"), "http://h/v1/models");
}

TEST(OpenAiChatJson, BuildsOneUserMessageWithTheImageAsADataUrlAndTheTaskText) {
  ChatCall call;
  call.model = "served-model";
  call.image_mime = "image/jpeg";
  const std::string bytes("\xff\xd8\xff\xe0", 4);
  call.image_bytes = bytes;
  call.text = "[vqa] What is \"this\"?";
  call.max_tokens = 10;
  const auto body = nlohmann::json::parse(ChatCompletionBody(call));
  EXPECT_EQ(body["model"], "served-model");
  EXPECT_EQ(body["temperature"], 0);
  EXPECT_EQ(body["max_tokens"], 10);
  EXPECT_FALSE(body.contains("logprobs"));
  ASSERT_EQ(body["messages"].size(), 1u);
  const auto& message = body["messages"][0];
  EXPECT_EQ(message["role"], "user");
  ASSERT_EQ(message["content"].size(), 2u);
  EXPECT_EQ(message["content"][0]["type"], "image_url");
  EXPECT_EQ(message["content"][0]["image_url"]["url"], "data:image/jpeg;base64,/9j/4A==");
  EXPECT_EQ(message["content"][1]["type"], "text");
  EXPECT_EQ(message["content"][1]["text"], "[vqa] What is \"this\"?");
  call.top_logprobs = 5;
  const auto with_logprobs = nlohmann::json::parse(ChatCompletionBody(call));
  EXPECT_EQ(with_logprobs["logprobs"], true);
  EXPECT_EQ(with_logprobs["top_logprobs"], 5);
}

TEST(OpenAiChatJson, ReadsTheAnswerTheModelAndTheFirstTokensLogprobs) {
  const std::string body = R"({"id":"x","model":"llava-1.5","choices":[{"index":0,
    "message":{"role":"assistant","content":"Yes"},"finish_reason":"stop",
    "logprobs":{"content":[{"token":"Yes","logprob":-0.1,"top_logprobs":[
      {"token":"Yes","logprob":-0.1},{"token":"▁yes","logprob":-2.5},{"token":" yes","logprob":-3.0},
      {"token":"No","logprob":-4.0}]}]}}]})";
  auto answer = ParseChatCompletion(body);
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(answer->text, "Yes");
  EXPECT_EQ(answer->model, "llava-1.5");
  ASSERT_TRUE(answer->first_token);
  EXPECT_EQ(answer->first_token_top.size(), 4u);
  EXPECT_EQ(FirstTokenLogprob(*answer, "yes"), -2.5);  // the best of "▁yes" and " yes"
  EXPECT_EQ(FirstTokenLogprob(*answer, "Yes"), -0.1);
  EXPECT_EQ(FirstTokenLogprob(*answer, "maybe"), -std::numeric_limits<double>::infinity());
  // The first token of a longer text: the longest returned token it starts with.
  auto pieces = ParseChatCompletion(R"({"choices":[{"message":{"content":"un"},"logprobs":{"content":[
    {"token":"un","logprob":-1.0,"top_logprobs":[{"token":"un","logprob":-1.0},{"token":"▁unans","logprob":-2.0},
    {"token":"u","logprob":-0.5},{"token":"unanswerable!","logprob":-0.1}]}]}}]})");
  ASSERT_TRUE(pieces) << pieces.error().message;
  EXPECT_EQ(FirstTokenLogprob(*pieces, "unanswerable"), -2.0);
}

TEST(OpenAiChatJson, WithoutLogprobsTheFirstTokenProbabilityIsUnknown) {
  auto answer = ParseChatCompletion(R"({"choices":[{"message":{"content":"no"},"logprobs":null}]})");
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_FALSE(FirstTokenLogprob(*answer, "yes"));
  auto null_content = ParseChatCompletion(R"({"choices":[{"message":{"content":null}}]})");
  ASSERT_TRUE(null_content);
  EXPECT_EQ(null_content->text, "");
}

TEST(OpenAiChatJson, RejectsMalformedAnswersWithAShortQuote) {
  for (const std::string body :
       {"{not json", "[]", R"({"choices":[]})", R"({"choices":[{"text":"a"}]})",
        R"({"choices":[{"message":{"content":3}}]})",
        R"({"choices":[{"message":{"content":"a"},"logprobs":{"content":[{"token":1}]}}]})",
        R"({"choices":[{"message":{"content":"a"}}],"choices":[]})"}) {
    auto answer = ParseChatCompletion(body);
    EXPECT_FALSE(answer) << body;
    if (!answer) {
      EXPECT_LT(answer.error().message.size(), 300u) << answer.error().message;
    }
  }
  const std::string deep = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_FALSE(ParseChatCompletion(deep));
}

TEST(OpenAiChatJson, ScoresTheEchoedTokensFromTheCandidatesOffset) {
  const std::string body = CompletionsEchoBody("m", "Q? A: cat");
  const auto request = nlohmann::json::parse(body);
  EXPECT_EQ(request["echo"], true);
  EXPECT_EQ(request["max_tokens"], 0);
  EXPECT_EQ(request["prompt"], "Q? A: cat");
  const std::string answer = R"({"choices":[{"text":"Q? A: cat","logprobs":{
    "tokens":["Q","?"," A",":"," cat"],"token_logprobs":[null,-1.0,-2.0,-0.5,-0.25],
    "text_offset":[0,1,2,4,5]}}]})";
  auto score = ParseCompletionsEchoScore(answer, 5);
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_DOUBLE_EQ(score->nll, 0.25);
  EXPECT_EQ(score->tokens, 1);
  EXPECT_DOUBLE_EQ(score->first_token_logprob, -0.25);
  auto two = ParseCompletionsEchoScore(answer, 4);
  ASSERT_TRUE(two);
  EXPECT_DOUBLE_EQ(two->nll, 0.75);
  EXPECT_FALSE(ParseCompletionsEchoScore(answer, 9));  // no token there
  EXPECT_FALSE(ParseCompletionsEchoScore(R"({"choices":[{"text":"x"}]})", 0));
}

}  // namespace
}  // namespace vleval::openai
