// VQA scoring throughput: 200,000 synthetic questions (10 answers each,
// mixed unanimous / disagreeing, with punctuation, number words and
// contractions to exercise normalisation) scored by `vqa_accuracy` on one
// thread and on every thread TBB offers. Reports questions/s, the speed-up
// of all threads over one thread (the reference measured in the same run)
// and the process's peak resident memory (getrusage ru_maxrss), next to the
// peak after building the inputs alone.
#include <sys/resource.h>

#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <tbb/info.h>

#include "metrics/metric_registry.h"

namespace {

constexpr size_t kQuestions = 200000;

const std::vector<vleval::MetricSample>& Questions() {
  static const std::vector<vleval::MetricSample> samples = [] {
    const char* answers[] = {"two",       "2",      "Yes",     "yes",         "fire hydrant",
                             "dont know", "u.s.a.", "hot-dog", "the red one", "3,5"};
    const char* outputs[] = {"Two.", "yes", "fire hydrant!", "I dont know", "usa", "hot dog",
                             "red",  "35",  "a cat",         "none"};
    std::vector<vleval::MetricSample> built(kQuestions);
    for (size_t i = 0; i < kQuestions; ++i) {
      auto& s = built[i];
      s.id = std::to_string(i);
      for (size_t j = 0; j < 10; ++j) {
        s.answers.push_back(i % 4 == 0 ? answers[i % 10] : answers[(i + j * j) % 10]);
      }
      s.output = outputs[(i * 7) % 10];
      s.question_type = i % 3 ? "what is" : "how many";
      s.answer_type = i % 3 ? "other" : "number";
    }
    return built;
  }();
  return samples;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_VqaAccuracy(benchmark::State& state) {
  const auto& samples = Questions();
  const double rss_with_samples = PeakRssMiB();  // inputs alone, before scoring
  vleval::ScoringOptions options;
  options.max_threads = static_cast<int>(state.range(0));
  double accuracy = 0;
  for (auto _ : state) {
    auto report = vleval::Score("vqa_accuracy", vleval::Dialect::kOfficial, samples, options);
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
    accuracy = report->metrics.at("accuracy");
    benchmark::DoNotOptimize(accuracy);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kQuestions));
  state.counters["threads_used"] = options.max_threads;
  state.counters["accuracy"] = accuracy;
  state.counters["input_rss_MiB"] = rss_with_samples;
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_VqaAccuracy)
    ->Arg(1)
    ->Arg(tbb::info::default_concurrency())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
