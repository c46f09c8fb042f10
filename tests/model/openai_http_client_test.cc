// The HTTP client against a real server on 127.0.0.1 that answers from a
// script, faults included.
#include "model/openai/http_client.h"

#include <atomic>
#include <chrono>

#include <gtest/gtest.h>

#include "tests/support/loopback_http_server.h"

namespace vleval::openai {
namespace {

using testing::LoopbackHttpServer;
using testing::ReceivedRequest;
using testing::ScriptedAnswer;
using Kind = ScriptedAnswer::Kind;

HttpClientOptions FastRetries() {
  HttpClientOptions options;
  options.concurrency = 4;
  options.request_timeout_s = 5;
  options.retry.max_attempts = 4;
  options.retry.base_delay_s = 0.01;
  options.retry.max_delay_s = 0.05;
  return options;
}

std::unique_ptr<HttpClient> MakeClient(const HttpClientOptions& options) {
  auto client = HttpClient::Create(options);
  EXPECT_TRUE(client) << client.error().message;
  return client ? std::move(*client) : nullptr;
}

std::vector<HttpRequest> Posts(const LoopbackHttpServer& server, int count) {
  std::vector<HttpRequest> posts;
  posts.reserve(count);
  for (int i = 0; i < count; ++i)
    posts.push_back({server.Url("/v1/chat/completions"), "{\"n\":" + std::to_string(i) + "}"});
  return posts;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST(OpenAiHttpClient, KeepsConcurrencyRequestsInFlightOnReusedConnectionsAndAnswersInOrder) {
  std::atomic<int> in_flight{0}, peak{0};
  LoopbackHttpServer server([&](const ReceivedRequest& request, int) {
    const int now = ++in_flight;
    for (int seen = peak.load(); now > seen && !peak.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --in_flight;
    return ScriptedAnswer::Json("{\"echo\":" + request.body + "}");
  });
  ASSERT_GT(server.port(), 0);
  auto client = MakeClient(FastRetries());
  const auto posts = Posts(server, 20);
  const auto outcomes = client->SendAll(posts);
  ASSERT_EQ(outcomes.size(), 20u);
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(outcomes[i]) << outcomes[i].error().message;
    EXPECT_EQ(outcomes[i]->body, "{\"echo\":{\"n\":" + std::to_string(i) + "}}");
    EXPECT_EQ(outcomes[i]->attempts, 1);
  }
  EXPECT_EQ(peak.load(), 4);
  EXPECT_LE(server.connections(), 4);
  // A second call reuses the kept-alive connections.
  const auto again = client->SendAll(posts);
  EXPECT_TRUE(again[19]);
  EXPECT_LE(server.connections(), 4);
  for (const auto& request : server.requests()) {
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.target, "/v1/chat/completions");
    EXPECT_EQ(request.headers.at("content-type"), "application/json");
    EXPECT_EQ(request.headers.count("authorization"), 0u);
  }
}

TEST(OpenAiHttpClient, HonoursRetryAfterOf429) {
  std::vector<std::chrono::steady_clock::time_point> arrivals(2);
  LoopbackHttpServer server([&](const ReceivedRequest&, int arrival) {
    if (arrival < 2) arrivals[arrival] = std::chrono::steady_clock::now();
    if (arrival == 0) {
      auto answer = ScriptedAnswer::Json("{\"error\":{\"message\":\"slow down\"}}", 429);
      answer.headers.push_back({"Retry-After", "1"});
      return answer;
    }
    return ScriptedAnswer::Json("{}");
  });
  auto client = MakeClient(FastRetries());
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_TRUE(outcomes[0]) << outcomes[0].error().message;
  EXPECT_EQ(outcomes[0]->attempts, 2);
  // The backoff alone would wait at most 0.05 s.
  EXPECT_GE(std::chrono::duration<double>(arrivals[1] - arrivals[0]).count(), 0.95);
}

TEST(OpenAiHttpClient, Retries500AndResetConnectionsThenSucceeds) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    static std::atomic<int> calls{0};
    (void)request;
    const int call = calls++;
    if (call == 0) return ScriptedAnswer::Json("{\"error\":\"boom\"}", 500);
    if (call == 1) return ScriptedAnswer::Fault(Kind::kReset);
    if (call == 2) return ScriptedAnswer::Fault(Kind::kClose);
    return ScriptedAnswer::Json("{\"ok\":true}");
  });
  auto client = MakeClient(FastRetries());
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_TRUE(outcomes[0]) << outcomes[0].error().message;
  // libcurl itself re-sends once on a fresh connection when a reused one
  // dies before answering: 3 or 4 attempts of ours for 4 requests served.
  EXPECT_GE(outcomes[0]->attempts, 3);
  EXPECT_EQ(outcomes[0]->body, "{\"ok\":true}");
  EXPECT_EQ(server.requests().size(), 4u);
}

TEST(OpenAiHttpClient, RetriesAnAnswerSlowerThanTheTimeout) {
  LoopbackHttpServer server([](const ReceivedRequest&, int arrival) {
    auto answer = ScriptedAnswer::Json("{}");
    if (arrival == 0) answer.delay_s = 3;
    return answer;
  });
  auto options = FastRetries();
  options.request_timeout_s = 0.3;
  auto client = MakeClient(options);
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_TRUE(outcomes[0]) << outcomes[0].error().message;
  EXPECT_EQ(outcomes[0]->attempts, 2);
  EXPECT_LT(Seconds(start), 2.0);
}

TEST(OpenAiHttpClient, GivesUpOnAServerThatStaysTooSlowNamingTheTimeout) {
  LoopbackHttpServer server([](const ReceivedRequest&, int) { return ScriptedAnswer::Fault(Kind::kHang); });
  auto options = FastRetries();
  options.request_timeout_s = 0.2;
  options.retry.max_attempts = 3;
  auto client = MakeClient(options);
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_FALSE(outcomes[0]);
  const std::string& message = outcomes[0].error().message;
  EXPECT_NE(message.find("Timeout was reached"), std::string::npos) << message;
  EXPECT_NE(message.find("gave up after 3 attempts"), std::string::npos) << message;
  EXPECT_NE(message.find("POST http://127.0.0.1:"), std::string::npos) << message;
}

TEST(OpenAiHttpClient, GivesUpAfterMaxAttemptsOf503) {
  LoopbackHttpServer server([](const ReceivedRequest&, int) {
    return ScriptedAnswer::Json("{\"error\":{\"message\":\"overloaded\"}}", 503);
  });
  auto options = FastRetries();
  options.retry.max_attempts = 3;
  auto client = MakeClient(options);
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_FALSE(outcomes[0]);
  EXPECT_NE(outcomes[0].error().message.find("HTTP 503: overloaded (gave up after 3 attempts)"),
            std::string::npos)
      << outcomes[0].error().message;
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST(OpenAiHttpClient, FailsAt400WithTheServersMessageWithoutRetryingAndStopsTheRest) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    if (request.body == "{\"n\":0}")
      return ScriptedAnswer::Json("{\"error\":{\"message\":\"image too large\",\"type\":\"invalid\"}}", 400);
    auto answer = ScriptedAnswer::Json("{}");
    answer.delay_s = 0.2;
    return answer;
  });
  auto options = FastRetries();
  options.concurrency = 1;
  auto client = MakeClient(options);
  const auto outcomes = client->SendAll(Posts(server, 5));
  ASSERT_FALSE(outcomes[0]);
  EXPECT_NE(outcomes[0].error().message.find("HTTP 400: image too large"), std::string::npos)
      << outcomes[0].error().message;
  EXPECT_FALSE(outcomes[4]);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(OpenAiHttpClient, AFinalFailureAbandonsTheRequestsInFlight) {
  LoopbackHttpServer server([](const ReceivedRequest& request, int) {
    if (request.body == "{\"n\":0}") {
      auto answer = ScriptedAnswer::Json("{\"error\":{\"message\":\"no\"}}", 422);
      answer.delay_s = 0.05;
      return answer;
    }
    return ScriptedAnswer::Fault(Kind::kHang);
  });
  auto client = MakeClient(FastRetries());  // 5 s timeout
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = client->SendAll(Posts(server, 4));
  EXPECT_LT(Seconds(start), 2.0);
  ASSERT_FALSE(outcomes[0]);
  EXPECT_NE(outcomes[0].error().message.find("HTTP 422: no"), std::string::npos)
      << outcomes[0].error().message;
  EXPECT_EQ(client->last_failure(), 0u);
  for (int i = 1; i < 4; ++i) {
    ASSERT_FALSE(outcomes[i]);
    EXPECT_NE(outcomes[i].error().message.find("not completed: an earlier request failed"),
              std::string::npos);
  }
}

TEST(OpenAiHttpClient, SendsTheBearerTokenInTheHeaderOnlyNeverInMessages) {
  LoopbackHttpServer server([](const ReceivedRequest&, int) {
    return ScriptedAnswer::Json("{\"error\":{\"message\":\"invalid key\"}}", 401);
  });
  auto options = FastRetries();
  options.bearer_token = "sk-test-SECRET-123";
  auto client = MakeClient(options);
  auto posts = Posts(server, 1);
  posts[0].url = "http://user:pw@127.0.0.1:" + std::to_string(server.port()) + "/v1/chat/completions?key=k";
  const auto outcomes = client->SendAll(posts);
  ASSERT_FALSE(outcomes[0]);
  const std::string& message = outcomes[0].error().message;
  EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
  EXPECT_EQ(message.find("pw"), std::string::npos) << message;
  EXPECT_EQ(message.find("key=k"), std::string::npos) << message;
  EXPECT_NE(message.find("HTTP 401: invalid key"), std::string::npos) << message;
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].headers.at("authorization"), "Bearer sk-test-SECRET-123");
}

TEST(OpenAiHttpClient, RetriesARefusedConnectionThenReportsIt) {
  int port;
  {
    LoopbackHttpServer closed([](const ReceivedRequest&, int) { return ScriptedAnswer::Json("{}"); });
    port = closed.port();
  }
  auto options = FastRetries();
  options.retry.max_attempts = 2;
  auto client = MakeClient(options);
  const std::vector<HttpRequest> posts = {{"http://127.0.0.1:" + std::to_string(port) + "/v1/x", "{}"}};
  const auto outcomes = client->SendAll(posts);
  ASSERT_FALSE(outcomes[0]);
  EXPECT_NE(outcomes[0].error().message.find("gave up after 2 attempts"), std::string::npos)
      << outcomes[0].error().message;
  EXPECT_EQ(client->attempts_made(), 2u);
}

TEST(OpenAiHttpClient, RefusesAResponseLargerThanTheLimit) {
  LoopbackHttpServer server(
      [](const ReceivedRequest&, int) { return ScriptedAnswer::Json(std::string(5000, 'x')); });
  auto options = FastRetries();
  options.max_response_bytes = 1000;
  auto client = MakeClient(options);
  const auto outcomes = client->SendAll(Posts(server, 1));
  ASSERT_FALSE(outcomes[0]);
  EXPECT_NE(outcomes[0].error().message.find("larger than 1000 bytes"), std::string::npos);
}

}  // namespace
}  // namespace vleval::openai
