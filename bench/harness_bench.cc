// Harness overhead per sample with the replay backend (no model, no images):
// planning, resumable predictions writing, scoring, results.json and reports
// for VSR and HM entries of 2,000 synthetic samples each. Reference measured
// in the same run: only reading and parsing the same predictions files
// (ReadPredictionsJsonl), the least any rescoring must do. A GPU run of
// MiniGPT-v2 makes roughly 10-50 samples/s; the harness must stay far above.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/predictions_file.h"
#include "harness/run/replay_prediction_source.h"
#include "harness/run/run_driver.h"

namespace {

constexpr int kSamples = 2000;

struct BenchRoot {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "vleval-harness-bench";
  BenchRoot() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "data" / "vsr");
    std::filesystem::create_directories(dir / "data" / "hm");
    std::filesystem::create_directories(dir / "replay" / "predictions");
    std::ofstream vsr(dir / "data" / "vsr" / "test.jsonl"), hm(dir / "data" / "hm" / "dev.jsonl");
    std::ofstream vsr_out(dir / "replay" / "predictions" / "vsr.jsonl"),
        hm_out(dir / "replay" / "predictions" / "hm.jsonl");
    for (int i = 0; i < kSamples; ++i) {
      vsr << nlohmann::json{{"image", "000000017000.jpg"},
                            {"caption", "The cat is on the bed number " + std::to_string(i)},
                            {"label", i % 2}}
                 .dump()
          << "\n";
      hm << nlohmann::json{{"id", 10000 + i},
                           {"img", "img/" + std::to_string(10000 + i) + ".png"},
                           {"label", i % 3 == 0 ? 1 : 0},
                           {"text", "meme text " + std::to_string(i)}}
                .dump()
         << "\n";
      vsr_out << nlohmann::json{{"id", i}, {"output", i % 3 ? "true" : "false"}}.dump() << "\n";
      hm_out << nlohmann::json{{"id", 10000 + i},
                               {"output", i % 2 ? "yes" : "no"},
                               {"p_yes", (i % 97) / 97.0}}
                    .dump()
             << "\n";
    }
  }
  ~BenchRoot() { std::filesystem::remove_all(dir); }
};

const BenchRoot& Root() {
  static const BenchRoot root;
  return root;
}

void BM_RunWithReplay(benchmark::State& state) {
  const auto catalog = vleval::TaskCatalog::Load(VLEVAL_SOURCE_CONFIG_DIR);
  vleval::RunRequest request;
  request.tasks = {"vsr", "hm"};
  request.data_root = Root().dir / "data";
  const auto out = Root().dir / "run";
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(out);
    state.ResumeTiming();
    auto plan = vleval::PlanRun(*catalog, request);
    auto source = vleval::ReplayPredictionSource::Open(Root().dir / "replay");
    if (!plan) return state.SkipWithError(plan.error().message.c_str());
    if (!source) return state.SkipWithError(source.error().message.c_str());
    vleval::RunSettings settings{out, VLEVAL_SOURCE_CONFIG_DIR, {}, static_cast<int>(state.range(0)), {}, {}};
    vleval::RunProgress progress(std::cerr, vleval::ProgressStyle::kQuiet);
    auto outcome =
        vleval::ExecuteRun({request, {{"backend", "replay"}}, 1}, *plan, *source, settings, progress);
    if (!outcome) return state.SkipWithError(outcome.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations() * 2 * kSamples);
}
BENCHMARK(BM_RunWithReplay)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReferenceReadPredictionsOnly(benchmark::State& state) {
  for (auto _ : state) {
    for (const char* entry : {"vsr", "hm"}) {
      auto file = vleval::ReadPredictionsJsonl(Root().dir / "replay" / "predictions" /
                                               (std::string(entry) + ".jsonl"));
      if (!file) return state.SkipWithError(file.error().message.c_str());
      benchmark::DoNotOptimize(file);
    }
  }
  state.SetItemsProcessed(state.iterations() * 2 * kSamples);
}
BENCHMARK(BM_ReferenceReadPredictionsOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
