// Loader speed on the real RefCOCO val file (10,834 rows) and VSR zero-shot
// test (1,222 lines) from ../shared/data: LoadTaskSamples (parse + typed
// checks + samples + duplicate-id check) against the bare JSON parse of the
// same file measured in the same run. Skips (reports an error) when the data
// is absent.
#include <filesystem>

#include <benchmark/benchmark.h>

#include "benchmarks/loader.h"
#include "benchmarks/task_catalog.h"
#include "core/json_file.h"

namespace {

const std::filesystem::path kData = VLEVAL_SHARED_DATA_DIR;

void BM_ParseOnlyRefcocoVal(benchmark::State& state) {
  const auto path = kData / "refcoco/refcoco_val.json";
  if (!std::filesystem::exists(path)) return state.SkipWithError("shared data absent");
  for (auto _ : state) {
    auto json = vleval::ReadJsonFile(path);
    benchmark::DoNotOptimize(json);
  }
}
BENCHMARK(BM_ParseOnlyRefcocoVal)->Unit(benchmark::kMillisecond);

void BM_LoadTask(benchmark::State& state, const char* task) {
  if (!std::filesystem::exists(kData / "refcoco")) return state.SkipWithError("shared data absent");
  auto catalog = vleval::TaskCatalog::Load(VLEVAL_SOURCE_CONFIG_DIR);
  if (!catalog) return state.SkipWithError(catalog.error().message.c_str());
  const auto& config = **catalog->FindTask(task);
  for (auto _ : state) {
    auto loaded = vleval::LoadTaskSamples(config, kData);
    if (!loaded) return state.SkipWithError(loaded.error().message.c_str());
    state.counters["samples"] = static_cast<double>(loaded->samples.size());
  }
}
BENCHMARK_CAPTURE(BM_LoadTask, refcoco_val, "refcoco_val")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadTask, vsr, "vsr")->Unit(benchmark::kMillisecond);

}  // namespace
