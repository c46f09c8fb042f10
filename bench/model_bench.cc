// Speed of the libtorch MiniGPT-v2 on CPU with the tiny random model of
// scripts/make-tiny-minigptv2 (a baseline for the GPU work): ViT images per
// second (image encoder alone) and generated tokens per second, each at batch
// 1 and batch 8 so the batching gain is read as a ratio within one run.
// Needs /usr/bin/python3 with torch and spm_train to build the model.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <benchmark/benchmark.h>

#include "model/minigptv2/image_encoder.h"
#include "model/minigptv2/llama_model.h"
#include "model/minigptv2_backend.h"
#include "model/weights/minigptv2_files.h"

namespace vleval {
namespace {

namespace fs = std::filesystem;

fs::path g_model_dir;

MiniGptV2BackendOptions Options() {
  return {g_model_dir / "llama",
          g_model_dir / "eva_vit_g.pth",
          g_model_dir / "checkpoint.pth",
          fs::path(VLEVAL_SOURCE_DIR) / "configs/models/minigptv2-tiny.json",
          "cpu",
          "float32",
          {}};
}

void BM_VitImagesPerSecond(benchmark::State& state) {
  auto weights = LoadMiniGptV2Files({Options().llama_dir, Options().vit_path, Options().checkpoint_path});
  auto arch = LoadMiniGptV2Architecture(Options().model_config);
  if (!weights || !arch) return state.SkipWithError("tiny model did not load");
  const int64_t hidden = weights->llama_config["hidden_size"].get<int64_t>();
  auto encoder =
      ImageEncoder::Build({&weights->vit, "vit"}, {&weights->checkpoint, "ckpt"}, *arch, hidden, {});
  if (!encoder) return state.SkipWithError(encoder.error().message.c_str());
  const int64_t batch = state.range(0);
  const torch::Tensor images = torch::randn({batch, 3, arch->image_size, arch->image_size});
  torch::NoGradGuard no_grad;
  for (auto _ : state) benchmark::DoNotOptimize(encoder->Encode(images));
  state.counters["images_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * batch), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_VitImagesPerSecond)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GenerateTokensPerSecond(benchmark::State& state) {
  auto backend = LoadMiniGptV2Backend(Options());
  if (!backend) return state.SkipWithError(backend.error().message.c_str());
  const int side = (*backend)->image_size();
  const int64_t batch = state.range(0);
  std::vector<image::ChwFloatImage> images;
  std::vector<PreparedGenerateRequest> requests;
  images.reserve(batch);
  for (int64_t i = 0; i < batch; ++i) {
    const torch::Tensor pixels = torch::randn({3 * side * side});
    images.push_back(
        {side, side,
         std::vector<float>(pixels.data_ptr<float>(), pixels.data_ptr<float>() + pixels.numel())});
    requests.push_back(
        {&images.back(), "<s>[INST] <Img><ImageHere></Img> [vqa] what is the man holding? [/INST]", 16});
  }
  int64_t tokens = 0;
  for (auto _ : state) {
    auto results = (*backend)->GeneratePrepared(requests);
    if (!results) return state.SkipWithError(results.error().message.c_str());
    for (const auto& r : *results) tokens += static_cast<int64_t>(r.token_ids.size());
  }
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GenerateTokensPerSecond)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace vleval

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("vleval_model_bench_" + std::to_string(::getpid()));
  const std::string command = std::string(VLEVAL_SOURCE_DIR) + "/scripts/make-tiny-minigptv2 " + dir.string();
  if (std::system(command.c_str()) != 0) {
    std::cerr << "bench_model: '" << command
              << "' failed (needs /usr/bin/python3 with torch and spm_train)\n";
    return 1;
  }
  vleval::g_model_dir = dir;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  fs::remove_all(dir);
  return 0;
}
