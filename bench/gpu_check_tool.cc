// The measurements of scripts/gpu-check that need vleval's own engine, one
// subcommand each, results as JSON (scripts/gpu_check_reference.py computes
// the other side of each comparison):
//
//   bench_gpu_check llama --llama DIR [--device D] [--dtype T] [--steps N] --out FILE
//     LLaMA alone (no LoRA, no image) over 40 fixed token ids: first-step
//     logits and greedy tokens (EOS banned at the first step), the ids too.
//   bench_gpu_check vit --vit F --checkpoint F --model-config F [--device D] [--dtype T]
//                       [--images N] --out FILE
//     Image embeddings of N seeded random images (written beside FILE as
//     FILE.images.f32, float32 N x 3 x S x S) as FILE.embeds.f32.
//   bench_gpu_check throughput --llama DIR --vit F --checkpoint F --model-config F
//                       [--device D] [--dtype T] [--batches 1,10,32,64] [--chair-tokens N] --out FILE
//     Load time, a bf16 matmul's TFLOP/s, ViT images/s, prefill and decode
//     tokens/s, end-to-end samples/s (OK-VQA-like at each batch size,
//     RefCOCO-like and CHAIR-like at batch 10) with achieved TFLOP/s, and
//     host reads per generated token.
//   bench_gpu_check sample --llama DIR --vit F --checkpoint F --model-config F
//                       [--device D] [--dtype T] [--new-tokens N] --out FILE
//     One OK-VQA-like sample (bench/full_size_cpu): load time, ViT, prefill
//     and per-token decode times, peak RSS against the model files' size.
// Timings synchronise the device before reading the clock.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <torch/cuda.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "model/minigptv2/engine.h"
#include "model/weights/llama_folder.h"

namespace vleval {
namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::map<std::string, std::string> values;
  std::string Get(const std::string& key, const std::string& fallback = "") const {
    const auto found = values.find(key);
    return found == values.end() ? fallback : found->second;
  }
  std::string Need(const std::string& key) const {
    const auto found = values.find(key);
    if (found == values.end()) {
      std::cerr << "bench_gpu_check: --" << key << " is required\n";
      std::exit(2);
    }
    return found->second;
  }
};

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "bench_gpu_check: " << message << "\n";
  std::exit(1);
}

void Sync(const torch::Device& device) {
  if (device.is_cuda()) torch::cuda::synchronize();
}

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void WriteJson(const std::string& path, const nlohmann::json& json) {
  std::ofstream out(path);
  out << json.dump(1) << "\n";
  if (!out) Fail("cannot write " + path);
}

void WriteFloats(const std::string& path, const torch::Tensor& tensor) {
  const torch::Tensor host = tensor.to(torch::kCPU, torch::kFloat32).contiguous();
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(host.data_ptr<float>()),
            static_cast<std::streamsize>(host.numel() * sizeof(float)));
  if (!out) Fail("cannot write " + path);
}

MiniGptV2BackendOptions ModelOptions(const Args& args) {
  MiniGptV2BackendOptions options;
  options.llama_dir = args.Need("llama");
  options.vit_path = args.Need("vit");
  options.checkpoint_path = args.Need("checkpoint");
  options.model_config = args.Need("model-config");
  options.device = args.Get("device", "cpu");
  options.dtype = args.Get("dtype");
  options.attention = args.Get("attention", "auto");
  return options;
}

// 40 fixed ids below the vocabulary (BOS first), the same for every run.
std::vector<int64_t> FixedIds(int64_t vocab) {
  std::vector<int64_t> ids = {1};
  for (int64_t i = 1; i < 40; ++i) ids.push_back(3 + (i * 7919) % (std::min<int64_t>(vocab, 32000) - 3));
  return ids;
}

int LlamaCommand(const Args& args) {
  auto folder = ReadLlamaFolder(args.Need("llama"));
  if (!folder) Fail(folder.error().message);
  TensorPlacement placement;
  const std::string device = args.Get("device", "cpu");
  placement.device = torch::Device(device);
  const std::string dtype = args.Get("dtype", "float32");
  placement.dtype = dtype == "float16"    ? torch::kFloat16
                    : dtype == "bfloat16" ? torch::kBFloat16
                                          : torch::kFloat32;
  auto kernel = ParseAttentionKernel(args.Get("attention", "auto"));
  if (!kernel) Fail(kernel.error().message);
  auto llama = LlamaModel::Build({&folder->tensors, args.Need("llama")}, folder->config, "config.json",
                                 placement, *kernel);
  if (!llama) Fail(llama.error().message);
  c10::InferenceMode inference;
  const auto ids = FixedIds(llama->vocab_size());
  const torch::Tensor context = llama->Embed(torch::tensor(ids, torch::kInt64));
  const auto length = static_cast<int64_t>(ids.size());
  KvCache cache = llama->NewCache(1, length);
  const torch::Tensor logits =
      llama
          ->Logits(llama->Forward(context.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                  torch::ones({1, length}, torch::kBool), cache))[0][-1]
          .to(torch::kCPU);
  const int steps = std::stoi(args.Get("steps", "20"));
  const auto generated = GenerateGreedy(*llama, {{context, steps, {}}},
                                        SpecialTokenIds{}.eos);  // the Llama folder alone: LLaMA-2's ids
  WriteJson(args.Need("out"),
            {{"ids", ids},
             {"dtype", dtype},
             {"first_logits",
              std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel())},
             {"tokens", generated[0].token_ids}});
  return 0;
}

int VitCommand(const Args& args) {
  auto engine = MiniGptV2Engine::Load(ModelOptions(args));
  if (!engine) Fail(engine.error().message);
  const int count = std::stoi(args.Get("images", "2"));
  const int side = engine->architecture().image_size;
  torch::manual_seed(0);
  const torch::Tensor pixels = torch::randn({count, 3, side, side});
  std::vector<image::ChwFloatImage> images;
  std::vector<const image::ChwFloatImage*> pointers;
  for (int i = 0; i < count; ++i) {
    const torch::Tensor plane = pixels[i].contiguous();
    images.push_back(
        {side, side, std::vector<float>(plane.data_ptr<float>(), plane.data_ptr<float>() + plane.numel())});
  }
  for (const auto& image : images) pointers.push_back(&image);
  c10::InferenceMode inference;
  const torch::Tensor embeds = engine->EncodeImages(pointers);
  const std::string out = args.Need("out");
  WriteFloats(out + ".images.f32", pixels);
  WriteFloats(out + ".embeds.f32", embeds);
  WriteJson(out, {{"images", count}, {"image_size", side}, {"embeds_shape", embeds.sizes().vec()}});
  return 0;
}

// Floating-point operations of one sample: the ViT over 1 + grid^2 tokens,
// the projector, the LLaMA over `context` prompt positions (lm_head on the
// last one) and `generated` decode steps (each with its lm_head).
double SampleFlops(const MiniGptV2Engine& engine, int64_t context, int64_t generated) {
  const auto& vit = engine.encoder().vit();
  const auto& arch = engine.architecture();
  const double grid = arch.image_size / arch.patch_size, t = 1 + grid * grid,
               d = static_cast<double>(vit.width());
  const double mlp = static_cast<double>(vit.mlp_width());
  double flops = 2 * grid * grid * 3 * arch.patch_size * arch.patch_size * d;
  flops += static_cast<double>(vit.depth()) * (2 * t * (4 * d * d + 2 * d * mlp) + 4 * t * t * d);
  const double h = static_cast<double>(engine.llama().hidden_size());
  const double ffn = static_cast<double>(engine.llama().intermediate_size());
  const double layers = static_cast<double>(engine.llama().layer_count());
  const double vocab = static_cast<double>(engine.llama().vocab_size());
  flops += 2 * (grid * grid / arch.merge_tokens) * (arch.merge_tokens * d) * h;
  const double per_position = layers * 2 * (4 * h * h + 3 * h * ffn);
  // Prompt: every position, attention over the positions before it.
  flops += static_cast<double>(context) * per_position + layers * 4 * h * context * (context + 1) / 2.0;
  for (int64_t s = 0; s < generated; ++s) flops += per_position + layers * 4 * h * (context + s + 1);
  flops += 2 * h * vocab * static_cast<double>(1 + generated);
  return flops;
}

// A prompt whose text around the image is about `text_tokens` tokens.
std::string PromptOfLength(const MiniGptV2Engine& engine, const std::string& head, int text_tokens) {
  const char* words[] = {"what", "is", "the", "color", "of", "small", "object", "near", "left", "table"};
  std::string body = head;
  for (int i = 0;; ++i) {
    const std::string prompt = "<s>[INST] <Img><ImageHere></Img> " + body + " [/INST]";
    auto assembled = AssemblePrompt(engine.tokenizer(), prompt);
    if (!assembled) Fail(assembled.error().message);
    if (static_cast<int>(assembled->before_image.size() + assembled->after_image.size()) >= text_tokens ||
        i > 4000)
      return prompt;
    body += std::string(" ") + words[i % 10];
  }
}

struct Workload {
  std::string name, head;
  int text_tokens, max_new_tokens;
};

int ThroughputCommand(const Args& args) {
  const auto load_start = Clock::now();
  auto loaded = MiniGptV2Engine::Load(ModelOptions(args));
  if (!loaded) Fail(loaded.error().message);
  MiniGptV2Engine& engine = *loaded;
  const torch::Device device = engine.llama().placement().device;
  Sync(device);
  nlohmann::json report = {{"load_seconds", Seconds(load_start)},
                           {"device", device.str()},
                           {"dtype", c10::toString(engine.llama().placement().dtype)}};
  c10::InferenceMode inference;

  // A bf16 matmul in the same process: the achievable peak.
  {
    const int64_t n = device.is_cuda() ? 8192 : 512;
    const auto options = torch::TensorOptions(device).dtype(torch::kBFloat16);
    const torch::Tensor a = torch::randn({n, n}, options), b = torch::randn({n, n}, options);
    for (int i = 0; i < 3; ++i) torch::matmul(a, b);
    Sync(device);
    const int reps = 10;
    const auto start = Clock::now();
    for (int i = 0; i < reps; ++i) torch::matmul(a, b);
    Sync(device);
    report["matmul_bf16"] = {{"n", n}, {"tflops", 2.0 * n * n * n * reps / Seconds(start) / 1e12}};
  }
  const double peak = report["matmul_bf16"]["tflops"].get<double>();
  const int side = engine.architecture().image_size;
  torch::manual_seed(0);
  auto random_image = [&] {
    const torch::Tensor plane = torch::randn({3, side, side});
    return image::ChwFloatImage{
        side, side, std::vector<float>(plane.data_ptr<float>(), plane.data_ptr<float>() + plane.numel())};
  };
  std::vector<image::ChwFloatImage> images;
  for (int i = 0; i < 64; ++i) images.push_back(random_image());

  // ViT images/s.
  {
    const int batch = device.is_cuda() ? 32 : 2;
    std::vector<const image::ChwFloatImage*> pointers;
    for (int i = 0; i < batch; ++i) pointers.push_back(&images[static_cast<size_t>(i)]);
    engine.EncodeImages(pointers);
    Sync(device);
    const int reps = device.is_cuda() ? 5 : 1;
    const auto start = Clock::now();
    for (int i = 0; i < reps; ++i) engine.EncodeImages(pointers);
    Sync(device);
    report["vit"] = {{"batch", batch}, {"images_per_s", batch * reps / Seconds(start)}};
  }

  const std::vector<Workload> workloads = {
      {"okvqa", "[vqa] Based on the image, respond to this question with a short answer:", 40, 20},
      {"refcoco", "[refer] give me the location of", 20, 20},
      {"chair", "[caption] describe this image in as detailed as possible", 20,
       std::stoi(args.Get("chair-tokens", "512"))}};
  std::vector<int> batches;
  {
    std::stringstream list(args.Get("batches", "1,10,32,64"));
    for (std::string item; std::getline(list, item, ',');) batches.push_back(std::stoi(item));
  }
  // Prefill and decode at batch 10 of OK-VQA-like prompts.
  {
    const std::string prompt = PromptOfLength(engine, workloads[0].head, workloads[0].text_tokens);
    auto assembled = AssemblePrompt(engine.tokenizer(), prompt);
    const int batch = 10;
    std::vector<const image::ChwFloatImage*> pointers;
    for (int i = 0; i < batch; ++i) pointers.push_back(&images[static_cast<size_t>(i)]);
    const torch::Tensor embeds = engine.EncodeImages(pointers);
    std::vector<torch::Tensor> contexts;
    std::vector<GenerationRow> rows;
    for (int i = 0; i < batch; ++i) {
      contexts.push_back(engine.Context(*assembled, embeds[i]));
      rows.push_back({contexts.back(), workloads[0].max_new_tokens, {}});
    }
    auto prefill = [&] {
      const LeftPaddedBatch padded = LeftPad(contexts);
      KvCache cache = engine.llama().NewCache(batch, padded.longest);
      engine.llama().Logits(
          engine.llama().Forward(padded.embeds, padded.positions, padded.valid, cache).select(1, -1));
    };
    prefill();
    Sync(device);
    auto start = Clock::now();
    prefill();
    Sync(device);
    const double prefill_s = Seconds(start);
    GenerateGreedy(engine.llama(), rows, engine.special_tokens().eos);
    GenerationStats stats;
    start = Clock::now();
    const auto generated = GenerateGreedy(engine.llama(), rows, engine.special_tokens().eos, {}, &stats);
    const double generate_s = Seconds(start);
    int64_t tokens = 0;
    for (const auto& row : generated) tokens += static_cast<int64_t>(row.token_ids.size());
    report["prefill"] = {{"batch", batch},
                         {"prompt_positions", contexts.front().size(0)},
                         {"tokens_per_s", batch * contexts.front().size(0) / prefill_s}};
    report["decode"] = {
        {"batch", batch},
        {"tokens_per_s", static_cast<double>(tokens - batch) / std::max(generate_s - prefill_s, 1e-9)},
        {"host_reads_per_token", static_cast<double>(stats.host_reads) / static_cast<double>(tokens)}};
  }
  // End to end through the engine's Generate: images in, text out.
  nlohmann::json end_to_end = nlohmann::json::array();
  for (const Workload& workload : workloads) {
    const std::string prompt = PromptOfLength(engine, workload.head, workload.text_tokens);
    auto assembled = AssemblePrompt(engine.tokenizer(), prompt);
    const int64_t context =
        static_cast<int64_t>(assembled->before_image.size() + assembled->after_image.size()) +
        engine.encoder().tokens_per_image();
    for (const int batch :
         workload.name == "okvqa" ? batches : std::vector<int>{std::min(10, batches.back())}) {
      std::vector<PreparedGenerateRequest> requests;
      for (int i = 0; i < batch; ++i)
        requests.emplace_back(&images[static_cast<size_t>(i % 64)], prompt, workload.max_new_tokens);
      if (!engine.Generate(requests)) Fail("generation failed");  // warm-up
      const int rounds = workload.name == "chair" ? 1 : std::max(1, (device.is_cuda() ? 64 : 4) / batch);
      int64_t generated = 0;
      GenerationStats stats;
      const auto start = Clock::now();
      for (int r = 0; r < rounds; ++r) {
        auto results = engine.Generate(requests, &stats);
        if (!results) Fail(results.error().message);
        for (const auto& result : *results) generated += static_cast<int64_t>(result.token_ids.size());
      }
      const double seconds = Seconds(start);
      const double samples = static_cast<double>(batch) * rounds;
      const double flops = SampleFlops(
          engine, context, static_cast<int64_t>(std::lround(static_cast<double>(generated) / samples)));
      const double tflops = flops * samples / seconds / 1e12;
      end_to_end.push_back(
          {{"workload", workload.name},
           {"batch", batch},
           {"prompt_positions", context},
           {"new_tokens_per_sample", static_cast<double>(generated) / samples},
           {"samples_per_s", samples / seconds},
           {"tflop_per_sample", flops / 1e12},
           {"achieved_tflops", tflops},
           {"fraction_of_matmul_peak", tflops / peak},
           {"host_reads_per_token", static_cast<double>(stats.host_reads) / static_cast<double>(generated)}});
      std::cerr << workload.name << " batch " << batch << ": " << samples / seconds << " samples/s\n";
    }
  }
  report["end_to_end"] = end_to_end;
  WriteJson(args.Need("out"), report);
  return 0;
}

// Bytes of the regular files under `path` (a file or a folder).
uintmax_t FileBytes(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return std::filesystem::file_size(path);
  uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

int SampleCommand(const Args& args) {
  const MiniGptV2BackendOptions options = ModelOptions(args);
  const uintmax_t files =
      FileBytes(options.llama_dir) + FileBytes(options.vit_path) + FileBytes(options.checkpoint_path);
  auto start = Clock::now();
  auto loaded = MiniGptV2Engine::Load(options);
  if (!loaded) Fail(loaded.error().message);
  MiniGptV2Engine& engine = *loaded;
  const torch::Device device = engine.llama().placement().device;
  Sync(device);
  const double load_s = Seconds(start);
  c10::InferenceMode inference;
  const int side = engine.architecture().image_size;
  torch::manual_seed(0);
  const torch::Tensor plane = torch::randn({3, side, side});
  const image::ChwFloatImage image{
      side, side, std::vector<float>(plane.data_ptr<float>(), plane.data_ptr<float>() + plane.numel())};
  start = Clock::now();
  const torch::Tensor embeds = engine.EncodeImages({&image});
  Sync(device);
  const double vit_s = Seconds(start);
  const std::string prompt =
      PromptOfLength(engine, "[vqa] Based on the image, respond to this question with a short answer:", 40);
  auto assembled = AssemblePrompt(engine.tokenizer(), prompt);
  if (!assembled) Fail(assembled.error().message);
  const torch::Tensor context = engine.Context(*assembled, embeds[0]);
  const int64_t positions = context.size(0);
  start = Clock::now();
  {
    KvCache cache = engine.llama().NewCache(1, positions);
    engine.llama().Logits(engine.llama()
                              .Forward(context.unsqueeze(0), torch::arange(positions).unsqueeze(0),
                                       torch::ones({1, positions}, torch::kBool), cache)
                              .select(1, -1));
    Sync(device);
  }
  const double prefill_s = Seconds(start);
  const int new_tokens = std::stoi(args.Get("new-tokens", "20"));
  GenerationStats stats;
  start = Clock::now();
  const auto generated =
      GenerateGreedy(engine.llama(), {{context, new_tokens, {}}}, engine.special_tokens().eos, {}, &stats);
  const double generate_s = Seconds(start);
  const auto tokens = static_cast<int64_t>(generated[0].token_ids.size());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_rss = static_cast<double>(usage.ru_maxrss) * 1024.0;
  WriteJson(args.Need("out"),
            {{"device", device.str()},
             {"dtype", c10::toString(engine.llama().placement().dtype)},
             {"model_files_bytes", files},
             {"peak_rss_bytes", peak_rss},
             {"peak_rss_over_files", peak_rss / static_cast<double>(files)},
             {"load_seconds", load_s},
             {"vit_seconds", vit_s},
             {"prompt_positions", positions},
             {"prefill_seconds", prefill_s},
             {"new_tokens", tokens},
             {"decode_seconds_per_token",
              tokens > 1 ? (generate_s - prefill_s) / static_cast<double>(tokens - 1) : 0.0},
             {"host_reads", stats.host_reads}});
  return 0;
}

}  // namespace
}  // namespace vleval

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_gpu_check llama|vit|throughput|sample --option value ... (see the top of "
                 "gpu_check_tool.cc)\n";
    return 2;
  }
  vleval::Args args;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key.rfind("--", 0) != 0) {
      std::cerr << "bench_gpu_check: expected an option, got " << key << "\n";
      return 2;
    }
    args.values[key.substr(2)] = argv[i + 1];
  }
  const std::string command = argv[1];
  try {
    if (command == "llama") return vleval::LlamaCommand(args);
    if (command == "vit") return vleval::VitCommand(args);
    if (command == "throughput") return vleval::ThroughputCommand(args);
    if (command == "sample") return vleval::SampleCommand(args);
  } catch (const std::exception& e) {
    std::cerr << "bench_gpu_check: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "bench_gpu_check: unknown command " << command << "\n";
  return 2;
}
