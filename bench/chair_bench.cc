// CHAIR scoring throughput: 5,000 synthetic detailed descriptions (about 80
// words each, several sentences) with 5 reference captions and a few COCO
// objects per image, scored on 1 thread and on every thread TBB offers. The
// tables are the real ones from ../shared/data/chair (the benchmark reports an
// error when they are absent). Counters: captions/s and the process's peak
// resident memory (MiB) after the run.
#include <sys/resource.h>

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "benchmarks/chair_references.h"
#include "metrics/chair/chair_metric.h"

namespace {

const char* const kSentences[] = {
    "The image shows a man riding a bicycle down a busy street next to a red bus.",
    "There are two dogs playing with a frisbee on the grass near a wooden bench.",
    "A woman is holding an umbrella while standing beside a parked car and a truck.",
    "On the table, there is a wine glass, a cup of coffee and a plate with a sandwich.",
    "In the background, several people are walking past a traffic light and a stop sign.",
    "The kitchen has a microwave, an oven, a sink and a refrigerator with magnets on it.",
    "A cat is sleeping on the couch next to a laptop and a remote control.",
    "Overall, the scene captures a lively moment in the city on a sunny afternoon.",
    "Mr. Smith stands near the toilet seat in the small bathroom, holding a toothbrush.",
    "The 3 giraffes and 2 zebras graze near the trees; a bird flies above them."};

std::vector<vleval::MetricSample> MakeSamples(int count) {
  const char* const objects[] = {"person", "bicycle", "dog", "bench", "car", "cup", "cat", "couch"};
  std::vector<vleval::MetricSample> samples(count);
  for (int i = 0; i < count; ++i) {
    auto& s = samples[i];
    s.id = std::to_string(i);
    for (int k = 0; k < 6; ++k) s.output += std::string(kSentences[(i + k * 3) % 10]) + " ";
    for (int k = 0; k < 3; ++k) s.reference_objects.push_back(objects[(i + k) % 8]);
    for (int k = 0; k < 5; ++k) s.reference_captions.push_back(kSentences[(i + k) % 10]);
  }
  return samples;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_Chair5000Captions(benchmark::State& state) {
  const std::string data = VLEVAL_SHARED_DATA_DIR "/chair";
  auto resources = vleval::chair::ReadChairResources(data + "/synonyms.txt", data + "/punkt_tab/english");
  if (!resources.ok()) {
    state.SkipWithError(resources.error().message.c_str());
    return;
  }
  auto tables = vleval::chair::ChairTablesFromResources(*resources);
  if (!tables.ok()) {
    state.SkipWithError(tables.error().message.c_str());
    return;
  }
  const auto samples = MakeSamples(5000);
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto report = vleval::chair::ScoreChair(*tables, samples, threads);
    benchmark::DoNotOptimize(report);
  }
  state.counters["captions_per_s"] =
      benchmark::Counter(static_cast<double>(samples.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_Chair5000Captions)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
