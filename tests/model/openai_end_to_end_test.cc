// `vleval run --backend openai` as a user meets it: the real executable on
// the mini data root (every task of the demo suite) against a loopback
// OpenAI-compatible server that checks each request's shape and answers
// deterministically from it, with faults, a kill -9 and a resume.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "model/openai/base64.h"
#include "tests/support/loopback_http_server.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

using nlohmann::json;
using testing::LoopbackHttpServer;
using testing::ReceivedRequest;
using testing::ScriptedAnswer;
using Kind = ScriptedAnswer::Kind;

constexpr const char* kKey = "sk-e2e-SECRET-7f3a";

uint64_t Hash(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The fake server: answers from the request alone, so every run gets the same
// answers whatever the order; faults on demand.
class FakeOpenAi {
 public:
  explicit FakeOpenAi(std::set<std::string> data_urls) : data_urls_(std::move(data_urls)) {}

  std::atomic<bool> inject_faults{false};  // 500, reset, 429 on a request's first arrival, by hash
  // From the `n`th chat request on (0-based, counted from now), none gets an answer.
  void HangFrom(int n) {
    chat_arrivals_ = 0;
    hang_from_ = n;
  }
  void StopHanging() { hang_from_ = -1; }
  bool Hangs() { return hang_from_ >= 0 && chat_arrivals_++ >= hang_from_; }
  std::function<std::optional<ScriptedAnswer>(const std::string& text)> special;  // by task text

  ScriptedAnswer Answer(const ReceivedRequest& request) {
    if (request.headers.count("authorization") == 0 ||
        request.headers.at("authorization") != std::string("Bearer ") + kKey)
      Problem("no or wrong Authorization header");
    if (request.method == "GET" && request.target == "/v1/models")
      return ScriptedAnswer::Json(
          R"({"object":"list","data":[{"id":"other"},{"id":"e2e-model","root":"/weights/e2e"}]})");
    if (request.method != "POST") Problem("unexpected " + request.method + " " + request.target);
    auto body = ParseStrictJson(request.body, "request");
    if (!body) {
      Problem("request body is not JSON");
      return ScriptedAnswer::Json("{}", 400);
    }
    const uint64_t h = Hash(request.body);
    if (inject_faults) {
      std::lock_guard lock(mutex_);
      if (!faulted_.count(request.body) && h % 3 == 0) {
        faulted_.insert(request.body);
        if (request.target == "/v1/chat/completions") ++chat_faults_;
        if (h % 9 == 0) return ScriptedAnswer::Fault(Kind::kReset);
        if (h % 9 == 3) {
          auto busy = ScriptedAnswer::Json(R"({"error":{"message":"rate limited"}})", 429);
          busy.headers.push_back({"Retry-After", "0"});
          return busy;
        }
        return ScriptedAnswer::Json(R"({"error":{"message":"internal"}})", 500);
      }
    }
    auto answer = request.target == "/v1/completions" ? Completion(*body) : Chat(*body, request.body);
    answer.delay_s = static_cast<double>(h % 15) / 1000.0;  // shuffles arrival order under concurrency
    return answer;
  }

  int chat_faults() const {
    std::lock_guard lock(mutex_);
    return chat_faults_;
  }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
  }

 private:
  void Problem(const std::string& what) {
    std::lock_guard lock(mutex_);
    problems_.push_back(what);
  }

  ScriptedAnswer Chat(const json& body, const std::string& raw) {
    if (body.value("model", "") != "e2e-model") Problem("model is not e2e-model");
    if (!body.contains("temperature") || body["temperature"] != 0) Problem("temperature is not 0");
    if (!body.contains("max_tokens") || !body["max_tokens"].is_number_integer() || body["max_tokens"] <= 0)
      Problem("no positive max_tokens");
    const json& messages = body.value("messages", json::array());
    if (messages.size() != 1 || messages[0].value("role", "") != "user" ||
        messages[0]["content"].size() != 2) {
      Problem("not one user message of two parts");
      return ScriptedAnswer::Json("{}", 400);
    }
    const json& content = messages[0]["content"];
    const std::string url = content[0]["image_url"].value("url", "");
    if (!data_urls_.count(url)) Problem("the image is not the data URL of a file of the data root");
    const std::string text = content[1].value("text", "");
    if (special) {
      if (auto answer = special(text)) return *answer;
    }
    std::string output;
    if (text.find("[refer]") != std::string::npos) {
      output = "{<" + std::to_string(Hash(raw) % 90) + "><10><90><95>}";
    } else if (text.find("[grounding]") != std::string::npos || text.find("[caption]") != std::string::npos ||
               text.find("image in detail") != std::string::npos) {
      output = "a dog and a box on a table";
    } else {
      output = Hash(raw) % 2 ? "yes" : "no";
    }
    json answer = {{"id", "c"},
                   {"object", "chat.completion"},
                   {"model", "e2e-model"},
                   {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", output}}}}}}};
    if (body.value("logprobs", false)) {
      const double p_yes = static_cast<double>(Hash(raw) % 97 + 1) / 100.0;
      json top = json::array();
      top.push_back({{"token", "yes"}, {"logprob", std::log(p_yes)}});
      top.push_back({{"token", " no"}, {"logprob", -3.0}});
      json first = {{"token", output}, {"logprob", -0.01}, {"top_logprobs", top}};
      answer["choices"][0]["logprobs"] = {{"content", json::array({first})}};
    }
    return ScriptedAnswer::Json(answer.dump());
  }

  // Echoed prompt, one token per word (" word", with its space).
  ScriptedAnswer Completion(const json& body) {
    if (body.value("echo", false) != true || body.value("max_tokens", -1) != 0)
      Problem("completions without echo");
    const std::string prompt = body.value("prompt", "");
    json tokens = json::array(), logprobs = json::array(), offsets = json::array();
    std::size_t start = 0;
    while (start < prompt.size()) {
      std::size_t end = prompt.find(' ', start + 1);
      if (end == std::string::npos) end = prompt.size();
      const std::string token = prompt.substr(start, end - start);
      tokens.push_back(token);
      offsets.push_back(start);
      logprobs.push_back(start == 0 ? json(nullptr)
                                    : json(-static_cast<double>(Hash(token) % 50) / 10.0 - 0.1));
      start = end;
    }
    json answer = {
        {"model", "e2e-model"},
        {"choices",
         {{{"text", prompt},
           {"logprobs", {{"tokens", tokens}, {"token_logprobs", logprobs}, {"text_offset", offsets}}}}}}};
    return ScriptedAnswer::Json(answer.dump());
  }

  std::set<std::string> data_urls_;
  mutable std::mutex mutex_;
  std::set<std::string> faulted_;
  int chat_faults_ = 0;
  std::atomic<int> chat_arrivals_{0}, hang_from_{-1};
  std::vector<std::string> problems_;
};

class OpenAiRun : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto made =
        testing::RunCommand(std::string(VLEVAL_BINARY) + " data make-mini --out " + data_.string());
    ASSERT_EQ(made.exit_code, 0) << made.err;
    std::set<std::string> urls;
    for (const auto& item : std::filesystem::recursive_directory_iterator(data_)) {
      const auto extension = item.path().extension();
      if (extension != ".jpg" && extension != ".png") continue;
      urls.insert(
          openai::DataUrl(extension == ".png" ? "image/png" : "image/jpeg", *ReadTextFile(item.path())));
    }
    fake_ = std::make_unique<FakeOpenAi>(std::move(urls));
    server_ = std::make_unique<LoopbackHttpServer>([this](const ReceivedRequest& request, int) {
      if (request.target == "/v1/chat/completions" && fake_->Hangs())
        return ScriptedAnswer::Fault(Kind::kHang);
      return fake_->Answer(request);
    });
    ASSERT_GT(server_->port(), 0);
  }
  void TearDown() override {
    for (const auto& problem : fake_->problems()) ADD_FAILURE() << "request shape: " << problem;
  }

  std::string Command(const std::string& run, int concurrency, const std::string& extra = "",
                      const std::string& selection = "--suite demo") const {
    return "OPENAI_API_KEY=" + std::string(kKey) + " " + VLEVAL_BINARY + " run " + selection +
           " --data-root " + data_.string() + " --backend openai --endpoint " + server_->Url("/v1") +
           " --model e2e-model --score-candidates completions --concurrency " + std::to_string(concurrency) +
           " --no-history --quiet --digest-cache none --out " + (dir_.path() / run).string() + " " + extra;
  }
  std::string Results(const std::string& run) const {
    auto text = ReadTextFile(dir_.path() / run / "results.json");
    return text ? *text : std::string();
  }
  std::vector<std::string> ChatBodies(std::size_t from = 0) const {
    std::vector<std::string> bodies;
    const auto requests = server_->requests();
    for (std::size_t i = from; i < requests.size(); ++i) {
      if (requests[i].target == "/v1/chat/completions") bodies.push_back(requests[i].body);
    }
    return bodies;
  }
  // Every file of the run folder, concatenated.
  std::string RunFolderBytes(const std::string& run) const {
    std::string all;
    for (const auto& item : std::filesystem::recursive_directory_iterator(dir_.path() / run)) {
      if (item.is_regular_file()) all += *ReadTextFile(item.path());
    }
    return all;
  }

  // What the server saw of a killed run and its resume.
  struct KilledRun {
    std::vector<std::string> before_kill;  // chat bodies the killed run sent, the hung one last
    std::vector<std::string> on_resume;    // chat bodies the resumed run sent
    std::string killed_stderr;
  };
  // Runs Command("killed", concurrency, extra) in a child process while the
  // server hangs from its `hang_at`th chat request on; once that request came
  // and no chat request arrived for `settle`, kills the child with SIGKILL,
  // then runs the same command again (the resume) to the end. Fails the test
  // (ASSERT: wrap in ASSERT_NO_FATAL_FAILURE) when the resume fails.
  void KillAndResume(int concurrency, const std::string& extra, int hang_at, std::chrono::milliseconds settle,
                     KilledRun& out) {
    const std::size_t before = server_->requests().size();
    fake_->HangFrom(hang_at);
    const auto log = dir_.path() / "killed.log";
    // Built before fork(): the child of a threaded process only calls exec.
    const std::string command = "exec env " + Command("killed", concurrency, extra) + " 2>" + log.string();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Until the hung request came and nothing more arrived for `settle`
    // (with batches, the rest of its batch is in flight or answered).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::size_t seen = 0;
    auto last_change = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < deadline) {
      const std::size_t now = ChatBodies(before).size();
      if (now != seen) {
        seen = now;
        last_change = std::chrono::steady_clock::now();
      } else if (seen > static_cast<std::size_t>(hang_at) &&
                 std::chrono::steady_clock::now() - last_change >= settle) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status));
    out.before_kill = ChatBodies(before);
    const auto killed_stderr = ReadTextFile(log);
    out.killed_stderr = killed_stderr ? *killed_stderr : killed_stderr.error().message;
    fake_->StopHanging();
    const std::size_t resumed_from = server_->requests().size();
    const auto resumed = testing::RunCommand(Command("killed", concurrency, extra));
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    out.on_resume = ChatBodies(resumed_from);
  }

  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
  std::unique_ptr<FakeOpenAi> fake_;
  std::unique_ptr<LoopbackHttpServer> server_;
};

TEST_F(OpenAiRun, ResultsAreByteIdenticalAtConcurrency1And8WithRetriedFaults) {
  const auto one = testing::RunCommand(Command("c1", 1));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const std::size_t requests_one = ChatBodies().size();
  fake_->inject_faults = true;
  const std::size_t before = server_->requests().size();
  const auto eight = testing::RunCommand(Command("c8", 8, "--max-attempts 3"));
  ASSERT_EQ(eight.exit_code, 0) << eight.err;
  std::cout << "[ figures  ] " << requests_one
            << " samples; faults injected at concurrency 8: " << fake_->chat_faults()
            << " (500, reset, 429 with Retry-After: 0)\n";
  EXPECT_GT(fake_->chat_faults(), 5);  // 500s, resets and 429s were all answered by retries
  EXPECT_EQ(Results("c1"), Results("c8"));
  ASSERT_FALSE(Results("c1").empty());
  // Every sample was asked once per run, a faulted one once more.
  const auto bodies_one = ChatBodies(), bodies_eight = ChatBodies(before);
  EXPECT_EQ(std::set<std::string>(bodies_one.begin(), bodies_one.begin() + requests_one),
            std::set<std::string>(bodies_eight.begin(), bodies_eight.end()));
  EXPECT_EQ(bodies_eight.size(), requests_one + static_cast<std::size_t>(fake_->chat_faults()));
  const auto results = json::parse(Results("c1"));
  EXPECT_EQ(results["config"]["model"]["backend"], "openai");
  EXPECT_EQ(results["config"]["model"]["endpoint"], server_->Url("/v1"));
  EXPECT_EQ(results["config"]["model"]["server_model"]["root"], "/weights/e2e");
  // run.json: the backend's default model config, the transport settings
  // and the model the server reported.
  const auto run_info = json::parse(*ReadTextFile(dir_.path() / "c8" / "run.json"));
  EXPECT_EQ(run_info["model_config"]["name"], "openai-chat");
  EXPECT_EQ(run_info["runtime"]["openai"]["endpoint"], server_->Url("/v1"));
  EXPECT_EQ(run_info["runtime"]["openai"]["concurrency"], 8);
  EXPECT_EQ(run_info["runtime"]["openai"]["max_attempts"], 3);
  EXPECT_EQ(run_info["runtime"]["openai"]["server_model"]["root"], "/weights/e2e");
  EXPECT_EQ(RunFolderBytes("c1").find("SECRET"), std::string::npos);
  EXPECT_EQ(RunFolderBytes("c8").find("SECRET"), std::string::npos);
  EXPECT_EQ((one.out + one.err + eight.out + eight.err).find("SECRET"), std::string::npos);
}

TEST_F(OpenAiRun, KillNineAndResumeLosesNothingAndResendsNoFinishedSample) {
  // The journal keeps whole batches: with one sample per batch, every
  // answered sample is journaled before the next request is sent.
  const std::string one_per_batch = "--batch-size 1";
  const auto reference = testing::RunCommand(Command("reference", 1, one_per_batch));
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const std::size_t total = ChatBodies().size();
  ASSERT_GT(total, 30u);
  // Killed once the hung request arrived: every earlier answer is journaled.
  constexpr int kHangAt = 17;
  KilledRun killed;
  ASSERT_NO_FATAL_FAILURE(KillAndResume(1, one_per_batch, kHangAt, std::chrono::milliseconds(0), killed));
  ASSERT_EQ(killed.before_kill.size(), static_cast<std::size_t>(kHangAt) + 1) << killed.killed_stderr;
  const std::set<std::string> answered(killed.before_kill.begin(), killed.before_kill.end() - 1);
  std::cout << "[ figures  ] killed at concurrency 1: " << answered.size() << " answered before the kill, "
            << killed.on_resume.size() << " sent on resume, of " << total << "\n";
  for (const auto& body : killed.on_resume)
    EXPECT_EQ(answered.count(body), 0u) << "re-sent a finished sample";
  EXPECT_EQ(answered.size() + killed.on_resume.size(), total);
  EXPECT_EQ(Results("killed"), Results("reference"));
}

TEST_F(OpenAiRun, AKilledRunAtConcurrency8ResendsAtMostTheBatchInFlight) {
  const std::string batches = "--batch-size 8";
  const auto reference = testing::RunCommand(Command("reference", 8, batches));
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const std::size_t total = ChatBodies().size();
  // Killed once the hung request came and nothing more arrived for 300 ms.
  constexpr int kHangAt = 20;
  KilledRun killed;
  ASSERT_NO_FATAL_FAILURE(KillAndResume(8, batches, kHangAt, std::chrono::milliseconds(300), killed));
  ASSERT_GT(killed.before_kill.size(), static_cast<std::size_t>(kHangAt));
  const std::set<std::string> first(killed.before_kill.begin(), killed.before_kill.end());
  std::size_t resent = 0;
  for (const auto& body : killed.on_resume) resent += first.count(body);
  std::cout << "[ figures  ] killed at concurrency 8: " << killed.before_kill.size()
            << " requests before the kill, " << resent << " of them sent again on resume, "
            << killed.on_resume.size() - resent << " new\n";
  EXPECT_GE(resent, 1u);  // the hung one at least
  EXPECT_LE(resent, 8u);  // only the batch that was in flight, answered or not
  EXPECT_EQ(first.size() + killed.on_resume.size() - resent, total);
  EXPECT_EQ(Results("killed"), Results("reference"));
}

TEST_F(OpenAiRun, ShardsMergeIntoTheUnshardedBytes) {
  const auto whole = testing::RunCommand(Command("whole", 4));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const std::size_t samples = ChatBodies().size();
  for (const char* shard : {"1/2", "0/2"}) {
    const auto part = testing::RunCommand(Command("sharded", 4, std::string("--shard ") + shard));
    ASSERT_EQ(part.exit_code, 0) << part.err;
  }
  EXPECT_EQ(Results("whole"), Results("sharded"));
  EXPECT_EQ(ChatBodies().size(), 2 * samples);  // each sample asked once by one shard
}

TEST_F(OpenAiRun, A400FailsTheRunWithTheServersMessageAndTheTask) {
  fake_->special = [](const std::string& text) -> std::optional<ScriptedAnswer> {
    if (text.find("[vqa]") == std::string::npos) return std::nullopt;
    return ScriptedAnswer::Json(R"({"error":{"message":"image format not supported by this model"}})", 400);
  };
  const auto run = testing::RunCommand(Command("bad", 4));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("HTTP 400: image format not supported by this model"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("okvqa"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("SECRET"), std::string::npos);
}

TEST_F(OpenAiRun, MalformedJsonFailsTheRunNamingIt) {
  fake_->special = [](const std::string& text) -> std::optional<ScriptedAnswer> {
    if (text.find("[vqa]") == std::string::npos) return std::nullopt;
    return ScriptedAnswer::Json(R"({"choices": [{"message": {"content": "yes"})");
  };
  const auto run = testing::RunCommand(Command("bad", 4));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("malformed JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("okvqa"), std::string::npos) << run.err;
}

TEST_F(OpenAiRun, ASlowAnswerPastTheTimeoutIsRetried) {
  std::atomic<int> seen{0};
  fake_->special = [&](const std::string&) -> std::optional<ScriptedAnswer> {
    if (seen++ > 0) return std::nullopt;
    return ScriptedAnswer::Fault(Kind::kHang);
  };
  const auto start = std::chrono::steady_clock::now();
  const auto run = testing::RunCommand(Command("slow", 8, "--timeout 0.5", "--tasks vsr"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ChatBodies().size(), 4u);  // 3 samples, the first one twice
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
}

TEST_F(OpenAiRun, ATaskNeedingAMissingCapabilityFailsAtStartNamingBoth) {
  const std::string command =
      "OPENAI_API_KEY=" + std::string(kKey) + " " + VLEVAL_BINARY + " run --suite demo --data-root " +
      data_.string() + " --backend openai --endpoint " + server_->Url("/v1") +
      " --model e2e-model --no-history --quiet --out " + (dir_.path() / "nocap").string();
  const auto run = testing::RunCommand(command);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("iconvqa"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("candidate scoring"), std::string::npos) << run.err;
  EXPECT_TRUE(ChatBodies().empty());
}

TEST_F(OpenAiRun, AModelTheServerDoesNotServeFailsAtStartListingWhatItServes) {
  const std::string command = std::string(VLEVAL_BINARY) + " run --tasks vsr --data-root " + data_.string() +
                              " --backend openai --endpoint " + server_->Url("/v1") +
                              " --model nope --api-key-env E2E_KEY --no-history --quiet --out " +
                              (dir_.path() / "nomodel").string();
  const auto run = testing::RunCommand("E2E_KEY=" + std::string(kKey) + " " + command);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("does not serve model 'nope'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("e2e-model"), std::string::npos) << run.err;
}

TEST_F(OpenAiRun, GenerateSendsOneRequestAndPrintsTheAnswer) {
  std::filesystem::path image;
  for (const auto& item : std::filesystem::recursive_directory_iterator(data_)) {
    if (item.path().extension() == ".jpg") image = item.path();
  }
  ASSERT_FALSE(image.empty());
  const auto run = testing::RunCommand("OPENAI_API_KEY=" + std::string(kKey) + " " + VLEVAL_BINARY +
                                       " generate --backend openai --endpoint " + server_->Url("/v1") +
                                       " --model e2e-model --image " + image.string() +
                                       " --prompt '[vqa] What is shown?' --max-new-tokens 5");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto printed = json::parse(run.out);
  EXPECT_TRUE(printed["text"] == "yes" || printed["text"] == "no") << run.out;
  const auto bodies = ChatBodies();
  ASSERT_EQ(bodies.size(), 1u);
  const auto body = json::parse(bodies[0]);
  EXPECT_EQ(body["messages"][0]["content"][1]["text"], "[vqa] What is shown?");
  EXPECT_EQ(body["max_tokens"], 5);
}

}  // namespace
}  // namespace vleval
