// OpenAiBackend and its settings against a loopback server: what each
// request carries, answers in request order whatever the arrival order,
// first-token probabilities, candidate scoring through /completions, the
// server's model listing, and the errors a user sees.
#include "model/openai/openai_backend.h"

#include <cmath>
#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/openai/openai_entry.h"
#include "tests/support/loopback_http_server.h"

namespace vleval::openai {
namespace {

using nlohmann::json;
using testing::LoopbackHttpServer;
using testing::ReceivedRequest;
using testing::ScriptedAnswer;

BackendSettings Given(const std::string& endpoint, const std::map<std::string, std::string>& overrides = {}) {
  BackendSettings settings;
  for (const auto& spec : OpenAiOptionSpecs()) settings[spec.name] = spec.default_value;
  settings["endpoint"] = endpoint;
  settings["model"] = "m";
  settings["max-attempts"] = "2";
  for (const auto& [key, value] : overrides) settings[key] = value;
  return settings;
}

std::unique_ptr<OpenAiBackend> Open(const BackendSettings& given) {
  auto settings = ReadOpenAiSettings(given);
  EXPECT_TRUE(settings) << settings.error().message;
  auto backend = OpenAiBackend::Open(*settings);
  EXPECT_TRUE(backend) << backend.error().message;
  return std::move(*backend);
}

ImageInput Image(std::string bytes, std::string mime = "image/png") {
  ImageInput image;
  image.file_bytes = std::make_shared<const std::string>(std::move(bytes));
  image.mime_type = std::move(mime);
  return image;
}

std::string ChatAnswer(const std::string& content, const std::string& extra = "") {
  return R"({"model":"m-served","choices":[{"message":{"role":"assistant","content":")" + content + "\"}" +
         extra + "}]}";
}

TEST(OpenAiBackend, SendsTaskTextAndImageAndReturnsAnswersInRequestOrder) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int arrival) {
    const auto body = json::parse(request.body);
    const std::string text = body["messages"][0]["content"][1]["text"];
    auto answer = ScriptedAnswer::Json(ChatAnswer("answer to " + text));
    answer.delay_s = (5 - arrival % 5) * 0.01;  // later requests answer first
    return answer;
  });
  auto backend = Open(Given(server.Url("/v1/")));
  ASSERT_EQ(backend->preferred_batch_size(), 8);
  const ImageInput image = Image("PNGDATA");
  std::vector<GenerateRequest> batch;
  batch.reserve(10);
  for (int i = 0; i < 10; ++i)
    batch.emplace_back(&image, "[vqa] q" + std::to_string(i),
                       "<s>[INST] <Img><ImageHere></Img> [vqa] q [/INST]", 7);
  auto results = backend->Generate(batch);
  ASSERT_TRUE(results) << results.error().message;
  for (int i = 0; i < 10; ++i) EXPECT_EQ((*results)[i].text, "answer to [vqa] q" + std::to_string(i));
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 10u);
  const auto body = json::parse(requests[0].body);
  EXPECT_EQ(requests[0].target, "/v1/chat/completions");
  EXPECT_EQ(body["max_tokens"], 7);
  EXPECT_EQ(body["messages"][0]["content"][0]["image_url"]["url"], "data:image/png;base64,UE5HREFUQQ==");
  EXPECT_FALSE(body.contains("logprobs"));
}

TEST(OpenAiBackend, FirstTokenProbabilitiesComeFromTheFirstTokensTopLogprobs) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    const auto body = json::parse(request.body);
    EXPECT_EQ(body["logprobs"], true);
    EXPECT_EQ(body["top_logprobs"], 20);
    return ScriptedAnswer::Json(ChatAnswer(
        "No",
        R"(,"logprobs":{"content":[{"token":"No","logprob":-0.2,"top_logprobs":[{"token":"No","logprob":-0.2},{"token":"Yes","logprob":-1.8},{"token":"yes","logprob":-2.0}]}]})"));
  });
  auto backend = Open(Given(server.Url("/v1")));
  const ImageInput image = Image("x");
  GenerateRequest request(&image, "Is it hateful?", "", 10);
  request.first_token_texts = {"yes"};
  auto results = backend->Generate(std::span(&request, 1));
  ASSERT_TRUE(results) << results.error().message;
  ASSERT_EQ((*results)[0].first_token_logprob.size(), 1u);
  EXPECT_DOUBLE_EQ((*results)[0].first_token_logprob[0], -2.0);
}

TEST(OpenAiBackend, AServerWithoutLogprobsFailsAFirstTokenRequestClearly) {
  LoopbackHttpServer server(
      [](const ReceivedRequest&, int) { return ScriptedAnswer::Json(ChatAnswer("yes")); });
  auto backend = Open(Given(server.Url("/v1")));
  const ImageInput image = Image("x");
  GenerateRequest request(&image, "Is it hateful?", "", 10);
  request.first_token_texts = {"yes"};
  auto results = backend->Generate(std::span(&request, 1));
  ASSERT_FALSE(results);
  EXPECT_NE(results.error().message.find("request 0: POST http://127.0.0.1:"), std::string::npos);
  EXPECT_NE(results.error().message.find("no logprobs"), std::string::npos) << results.error().message;
}

TEST(OpenAiBackend, MalformedJsonAnswersFailTheCallNamingTheRequest) {
  LoopbackHttpServer server([](const ReceivedRequest&, int arrival) {
    return ScriptedAnswer::Json(arrival == 1 ? "{\"choices\": [" : ChatAnswer("fine"));
  });
  auto settings = Given(server.Url("/v1"));
  settings["concurrency"] = "1";
  auto backend = Open(settings);
  const ImageInput image = Image("x");
  std::vector<GenerateRequest> batch(2, GenerateRequest(&image, "t", "", 5));
  auto results = backend->Generate(batch);
  ASSERT_FALSE(results);
  EXPECT_NE(results.error().message.find("request 1: "), std::string::npos) << results.error().message;
  EXPECT_NE(results.error().message.find("malformed JSON"), std::string::npos) << results.error().message;
  EXPECT_EQ(server.requests().size(), 2u);  // not retried: the server answered
}

TEST(OpenAiBackend, ARequestWithoutFileBytesIsRefusedBeforeSending) {
  LoopbackHttpServer server(
      [](const ReceivedRequest&, int) { return ScriptedAnswer::Json(ChatAnswer("x")); });
  auto backend = Open(Given(server.Url("/v1")));
  ImageInput pixels_only;
  pixels_only.mime_type = "image/png";
  GenerateRequest request(&pixels_only, "t", "", 5);
  auto results = backend->Generate(std::span(&request, 1));
  ASSERT_FALSE(results);
  EXPECT_NE(results.error().message.find("request 0: no image file bytes"), std::string::npos);
  EXPECT_TRUE(server.requests().empty());
}

TEST(OpenAiBackend, ScoresCandidatesThroughEchoedCompletions) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    const auto body = json::parse(request.body);
    EXPECT_EQ(request.target, "/v1/completions");
    const std::string prompt = body["prompt"];
    // Tokens: the prompt "P", then " " + candidate as one token of logprob -length.
    const std::size_t cut = prompt.find(' ');
    const json answer = {{"choices",
                          {{{"text", prompt},
                            {"logprobs",
                             {{"tokens", {prompt.substr(0, cut), prompt.substr(cut)}},
                              {"token_logprobs", {nullptr, -static_cast<double>(prompt.size() - cut)}},
                              {"text_offset", {0, cut}}}}}}}};
    return ScriptedAnswer::Json(answer.dump());
  });
  auto backend = Open(Given(server.Url("/v1"), {{"score-candidates", "completions"}}));
  EXPECT_TRUE(backend->capabilities().score_candidates);
  const ImageInput image = Image("x");
  ScoreRequest request;
  request.image = &image;
  request.task_text = "Q";
  request.prompt = "Q";
  request.candidates = {"a", "bbb"};
  auto results = backend->ScoreCandidates(std::span(&request, 1));
  ASSERT_TRUE(results) << results.error().message;
  ASSERT_EQ((*results)[0].candidates_nll.size(), 2u);
  EXPECT_DOUBLE_EQ((*results)[0].candidates_nll[0], 2.0);  // " a"
  EXPECT_DOUBLE_EQ((*results)[0].candidates_nll[1], 4.0);  // " bbb"
  EXPECT_TRUE((*results)[0].candidates_tokens.empty());
}

TEST(OpenAiBackendSettings, CheckEveryOptionAndDeriveCapabilities) {
  auto settings = ReadOpenAiSettings(Given("http://h/v1"));
  ASSERT_TRUE(settings) << settings.error().message;
  const auto capabilities = OpenAiCapabilities(*settings);
  EXPECT_TRUE(capabilities.generate);
  EXPECT_TRUE(capabilities.first_token_probabilities);
  EXPECT_FALSE(capabilities.score_candidates);
  EXPECT_FALSE(OpenAiCapabilities(*ReadOpenAiSettings(Given("http://h", {{"top-logprobs", "0"}})))
                   .first_token_probabilities);
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> bad = {
      {{{"endpoint", ""}}, "--endpoint is required"},
      {{{"endpoint", "ftp://h"}}, "http:// or https://"},
      {{{"model", ""}}, "--model is required"},
      {{{"concurrency", "0"}}, "--concurrency must be an integer from 1 to 1024, got '0'"},
      {{{"concurrency", "8x"}}, "--concurrency"},
      {{{"timeout", "-1"}}, "--timeout must be"},
      {{{"top-logprobs", "21"}}, "--top-logprobs"},
      {{{"score-candidates", "maybe"}}, "--score-candidates must be none or completions"}};
  for (const auto& [overrides, message] : bad) {
    auto read = ReadOpenAiSettings(Given("http://h", overrides));
    ASSERT_FALSE(read) << message;
    EXPECT_NE(read.error().message.find(message), std::string::npos) << read.error().message;
  }
}

TEST(OpenAiBackendSettings, TheDescriptionNamesNoCredentialsAndNoTransportSettings) {
  setenv("VLEVAL_TEST_OPENAI_KEY", "sk-DESCRIBE-SECRET", 1);
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    EXPECT_EQ(request.headers.at("authorization"), "Bearer sk-DESCRIBE-SECRET");
    return ScriptedAnswer::Json(R"({"data":[{"id":"m","root":"org/model-7b","created":123}]})");
  });
  const std::string endpoint = "http://user:pw@127.0.0.1:" + std::to_string(server.port()) + "/v1";
  const BackendEntry entry = OpenAiBackendEntry();
  auto description = entry.describe(
      Given(endpoint, {{"api-key-env", "VLEVAL_TEST_OPENAI_KEY"}, {"concurrency", "3"}}), DigestCache({}));
  ASSERT_TRUE(description) << description.error().message;
  const std::string text = description->dump();
  EXPECT_EQ(text.find("SECRET"), std::string::npos);
  EXPECT_EQ(text.find("pw"), std::string::npos);
  EXPECT_EQ(text.find("concurrency"), std::string::npos);
  EXPECT_EQ((*description)["endpoint"], "http://127.0.0.1:" + std::to_string(server.port()) + "/v1");
  EXPECT_EQ((*description)["server_model"], json({{"id", "m"}, {"root", "org/model-7b"}}));
  EXPECT_EQ(server.requests().at(0).target, "/v1/models");
  unsetenv("VLEVAL_TEST_OPENAI_KEY");
}

TEST(OpenAiBackendSettings, AServerWithoutModelsListingIsDescribedWithANullServerModel) {
  LoopbackHttpServer server([](const ReceivedRequest&, int) { return ScriptedAnswer::Json("{}", 404); });
  auto settings = ReadOpenAiSettings(Given(server.Url("/v1")));
  auto model = ServerModel(*settings);
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_TRUE(model->is_null());
}

}  // namespace
}  // namespace vleval::openai
