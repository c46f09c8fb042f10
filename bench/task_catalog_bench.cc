// Start-up cost of reading and validating every task and suite config.
#include <benchmark/benchmark.h>

#include "benchmarks/task_catalog.h"

static void BM_LoadShippedCatalog(benchmark::State& state) {
  for (auto _ : state) {
    auto catalog = vleval::TaskCatalog::Load(VLEVAL_SOURCE_CONFIG_DIR);
    if (!catalog) state.SkipWithError(catalog.error().message.c_str());
    benchmark::DoNotOptimize(catalog);
  }
}
BENCHMARK(BM_LoadShippedCatalog);
