// Test support for the run tests: a deterministic fake ModelBackend (no
// torch), and a run set up on the mini data root with it. Outputs depend only
// on each request (never on its batch), as the backend contract requires.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "harness/run/model_prediction_source.h"
#include "harness/run/run_driver.h"
#include "model/backend.h"
#include "tests/support/testing.h"

namespace vleval::testing {

inline std::size_t StableHash(const std::string& text) {
  std::size_t hash = 1469598103934665603ull;
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// REC prompts get a malformed answer on the first pass and a box once
// resampled; HM "yes"/"no"; others a word picked from the prompt and image.
class FakeBackend : public ModelBackend {
 public:
  std::chrono::milliseconds delay{0};  // per call, to let tests kill a run part way
  int calls = 0;
  std::vector<std::size_t> generated_prompt_lengths;  // per Generate request, in call order
  std::vector<std::size_t> batch_sizes;               // per call, in call order
  int preferred = 0;                                  // preferred_batch_size()

  Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) override {
    Wait();
    batch_sizes.push_back(batch.size());
    std::vector<GenerateResult> results;
    for (const auto& request : batch) {
      generated_prompt_lengths.push_back(request.prompt.size());
      const std::size_t hash = StableHash(request.prompt + ImageKey(*request.image));
      GenerateResult result;
      if (request.prompt.find("[refer]") != std::string::npos) {
        result.text = request.prompt.find("['") != std::string::npos ? "{<10><20><60><70>}" : "somewhere";
      } else if (request.prompt.find("hateful") != std::string::npos) {
        result.text = hash % 2 ? "yes" : "no";
      } else {
        static const char* kWords[] = {"red", "left", "square", "true", "false", "a person on a bike"};
        result.text = kWords[hash % 6];
      }
      result.token_ids = {static_cast<int32_t>(hash % 300), 2};
      for (const auto& text : request.first_token_texts)
        result.first_token_logprob.push_back(FirstTokenLogprob(request.prompt, text, *request.image));
      results.push_back(result);
    }
    return results;
  }

  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) override {
    Wait();
    batch_sizes.push_back(batch.size());
    std::vector<ScoreResult> results;
    for (const auto& request : batch) {
      ScoreResult result;
      for (const auto& candidate : request.candidates) {
        const std::size_t hash = StableHash(request.prompt + candidate + ImageKey(*request.image));
        result.candidates_nll.push_back(static_cast<double>(hash % 1000) / 100.0);
        result.first_token_logprob.push_back(FirstTokenLogprob(request.prompt, candidate, *request.image));
        result.candidates_tokens.push_back(static_cast<int>(candidate.size() % 4) + 2);
      }
      result.prompt_positions = static_cast<int>(request.prompt.size());
      results.push_back(result);
    }
    return results;
  }

  BackendCapabilities capabilities() const override { return {true, true, true}; }
  int preferred_batch_size() const override { return preferred; }

 private:
  void Wait() {
    ++calls;
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
  }
  // The same value whether it comes from generation or from scoring.
  static double FirstTokenLogprob(const std::string& prompt, const std::string& text,
                                  const ImageInput& image) {
    return -static_cast<double>(StableHash(prompt + text + ImageKey(image)) % 100) / 10.0;
  }
  static std::string ImageKey(const ImageInput& image) {
    long sum = 0;
    for (const std::uint8_t value : image.pixels.pixels) sum += value;
    return std::to_string(sum) + image.mime_type;
  }
};

// The shipped task configs.
inline const TaskCatalog& ShippedCatalog() {
  static const TaskCatalog catalog = *TaskCatalog::Load(SourceDir() / "configs");
  return catalog;
}

// One task of every family (and CHAIR) on the mini data root.
inline RunRequest MiniRequest(const std::filesystem::path& data_root) {
  RunRequest request;
  request.tasks = {"okvqa", "vsr", "iconvqa", "hm", "refcoco_val", "chair"};
  request.data_root = data_root;
  return request;
}

inline RunDescription FakeDescription(const RunRequest& request, int shards = 1) {
  return {request, {{"backend", "fake"}}, shards};
}

// Runs `request` (one shard of `shard`) into `out` with `backend`; fails the
// test on error. Returns the outcome.
inline RunOutcome RunWithFake(const RunRequest& request, const std::filesystem::path& out,
                              FakeBackend& backend, ShardSpec shard = {}, int threads = 0) {
  auto plan = PlanRun(ShippedCatalog(), request);
  EXPECT_TRUE(plan.ok()) << (plan.ok() ? "" : plan.error().message);
  if (!plan) return {};
  ModelPredictionSource source(backend);
  RunSettings settings{out, SourceDir() / "configs", shard, threads, {}, {}};
  RunProgress progress(std::cerr, ProgressStyle::kQuiet);
  auto outcome = ExecuteRun(FakeDescription(request, shard.count), *plan, source, settings, progress);
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
  return outcome.ok() ? *outcome : RunOutcome{};
}

}  // namespace vleval::testing
