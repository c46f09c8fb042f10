// Images per second for what a MiniGPT-v2 run does to each image, on
// 640x480 JPEGs: read + decode (ReadImageInput, model/image_input.h), then
// the backend's preparation (bicubic resize to 448 + CLIP normalisation,
// PrepareImage(s), model/minigptv2/image_preparation.h). On one thread, and
// on all threads as the run does it (ReadImageInputsInParallel feeding
// batches that PrepareImages prepares, harness/run/shard_execution.cc),
// against Pillow + numpy doing the same on the same files in the same run (a
// /usr/bin/python3 subprocess). Prints the ratios at the end; the Python side
// is skipped with a note when Pillow/numpy are absent.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <tbb/info.h>

#include "bench/image_bench_jpeg.h"
#include "model/image/bicubic_resize.h"
#include "model/image/clip_normalize.h"
#include "model/image_input.h"
#include "model/minigptv2/image_preparation.h"

namespace {

constexpr int kFiles = 24;
constexpr int kBatchSize = 10;  // the tasks' generation.batch_size (configs/tasks/)
std::vector<std::filesystem::path> g_files;
const vleval::ImagePreparation kPreparation;  // MiniGPT-v2's: 448, CLIP mean and std

void BM_VlevalOneThread(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& file : g_files) {
      auto input = vleval::ReadImageInput(file);
      if (!input) {
        state.SkipWithError(input.error().message.c_str());
        return;
      }
      auto tensor = vleval::PrepareImage(kPreparation, *input);
      if (!tensor) state.SkipWithError(tensor.error().message.c_str());
      benchmark::DoNotOptimize(tensor);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(g_files.size()));
}
BENCHMARK(BM_VlevalOneThread)->Unit(benchmark::kMillisecond)->UseRealTime();

// As a run: images read and decoded on worker threads (2 batches in flight),
// each full batch (and the last) prepared in parallel by PrepareImages.
void BM_VlevalAllThreads(benchmark::State& state) {
  const vleval::ImageReadOptions options{.max_in_flight = 2 * kBatchSize, .threads = 0};
  for (auto _ : state) {
    std::vector<vleval::ImageInput> batch;
    vleval::ReadImageInputsInParallel(
        g_files, options, [&](std::size_t index, vleval::Result<vleval::ImageInput>& input) {
          if (!input) return state.SkipWithError(input.error().message.c_str());
          batch.push_back(std::move(*input));
          if (batch.size() < static_cast<std::size_t>(kBatchSize) && index + 1 < g_files.size()) return;
          std::vector<const vleval::ImageInput*> inputs;
          for (const auto& image : batch) inputs.push_back(&image);
          auto tensors = vleval::PrepareImages(kPreparation, inputs);
          if (!tensors) state.SkipWithError(tensors.error().message.c_str());
          benchmark::DoNotOptimize(tensors);
          batch.clear();
        });
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(g_files.size()));
}
BENCHMARK(BM_VlevalAllThreads)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

// The three stages alone, one thread, to see where the time goes.
void BM_StageReadAndDecode(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& file : g_files) benchmark::DoNotOptimize(vleval::ReadImageInput(file));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(g_files.size()));
}
BENCHMARK(BM_StageReadAndDecode)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StageResize(benchmark::State& state) {
  const auto input = vleval::ReadImageInput(g_files.front());
  for (auto _ : state) benchmark::DoNotOptimize(vleval::image::ResizeBicubic(input->pixels, 448, 448));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StageResize)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StageNormalize(benchmark::State& state) {
  const auto input = vleval::ReadImageInput(g_files.front());
  const auto resized = vleval::image::ResizeBicubic(input->pixels, 448, 448);
  for (auto _ : state)
    benchmark::DoNotOptimize(vleval::image::NormalizeWith(resized, kPreparation.mean, kPreparation.std));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StageNormalize)->Unit(benchmark::kMillisecond)->UseRealTime();

// Pillow + numpy, the reference transform, timed inside Python.
const char* kPillowScript = R"(
import sys, time
import numpy as np
from PIL import Image
mean = np.asarray((0.48145466, 0.4578275, 0.40821073), dtype=np.float32).reshape(3, 1, 1)
std = np.asarray((0.26862954, 0.26130258, 0.27577711), dtype=np.float32).reshape(3, 1, 1)
def transform(path):
    with Image.open(path) as image:
        resized = image.convert('RGB').resize((448, 448), Image.BICUBIC)
    chw = np.asarray(resized).transpose(2, 0, 1).astype(np.float32) / np.float32(255)
    return (chw - mean) / std
files = sys.argv[2:]
for path in files: transform(path)
done, start, cpu = 0, time.perf_counter(), time.process_time()
while done < int(sys.argv[1]) or time.perf_counter() - start < 2.0:
    for path in files: transform(path)
    done += len(files)
print(done / (time.perf_counter() - start), done / (time.process_time() - cpu))
)";

// Images per second by wall clock and per CPU second (the fairer figure on a
// loaded machine).
struct Rates {
  double wall = -1;
  double cpu = -1;
};

// Pillow's rates; negative when Python cannot run the reference.
Rates PillowImagesPerSecond(const std::filesystem::path& dir) {
  const auto script = dir / "pillow_reference.py";
  std::FILE* file = std::fopen(script.c_str(), "w");
  std::fputs(kPillowScript, file);
  std::fclose(file);
  std::string command = "/usr/bin/python3 " + script.string() + " " + std::to_string(kFiles * 3);
  for (const auto& path : g_files) command += " " + path.string();
  std::FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return {};
  Rates rates;
  if (std::fscanf(pipe, "%lf %lf", &rates.wall, &rates.cpu) != 2) rates = {};
  return pclose(pipe) == 0 ? rates : Rates{};
}

// Keeps the console output and remembers each benchmark's items/s.
class RateRecorder : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto items = run.counters.find("items_per_second");
      if (items == run.counters.end()) continue;
      // items/s is per wall second (UseRealTime); scale by wall/CPU time.
      const double cpu_per_wall = run.GetAdjustedCPUTime() / run.GetAdjustedRealTime();
      rates[run.benchmark_name()] = {items->second.value, items->second.value / cpu_per_wall};
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, Rates> rates;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const auto dir =
      std::filesystem::temp_directory_path() / ("vleval_image_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  g_files = vleval::bench::WriteBenchJpegs(dir, kFiles);
  const Rates pillow = PillowImagesPerSecond(dir);
  RateRecorder recorder;
  benchmark::RunSpecifiedBenchmarks(&recorder);
  std::filesystem::remove_all(dir);
  std::printf("\n640x480 JPEG -> 448x448 float32 CHW, %d files; threads available: %d\n", kFiles,
              tbb::info::default_concurrency());
  if (pillow.wall <= 0) {
    std::printf("Pillow+numpy reference: skipped (/usr/bin/python3 with PIL and numpy not available)\n");
    return 0;
  }
  std::printf("%-44s %12s %14s\n", "", "images/s", "per CPU second");
  std::printf("%-44s %12.1f %14.1f\n", "Pillow+numpy (1 thread)", pillow.wall, pillow.cpu);
  for (const char* name : {"BM_VlevalOneThread/real_time", "BM_VlevalAllThreads/process_time/real_time"}) {
    if (recorder.rates.count(name) == 0) continue;  // filtered out
    const Rates& rate = recorder.rates[name];
    std::printf("%-44s %12.1f %14.1f   %.2fx Pillow (wall), %.2fx (CPU)\n", name, rate.wall, rate.cpu,
                rate.wall / pillow.wall, rate.cpu / pillow.cpu);
  }
  return 0;
}
