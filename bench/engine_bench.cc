// The MiniGPT-v2 decoder engine against its previous version
// (bench/baseline/engine_before.h), same random weights, same inputs, same
// run, float32 on CPU: prefill and decode tokens/s, HM samples/s (generation
// plus p_yes), IconVQA samples/s (4 candidates per prompt) and host syncs per
// generated token, on the tiny model's decoder shapes and on a mid-size one
// (8 layers, width 1024, vocabulary 32000). Checks that both engines give
// the same tokens and candidate NLLs.
//
//   bench_engine [tiny|mid|all] [--batch N] [--repeats N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "bench/baseline/engine_before.h"
#include "model/minigptv2/candidate_scoring.h"
#include "model/minigptv2/greedy_generation.h"
#include "model/minigptv2/llama_model.h"

namespace vleval {
namespace {

struct Shape {
  const char* name;
  int64_t hidden, layers, heads, ffn, vocab, image_tokens, text_tokens;
};

constexpr Shape kTiny{"tiny (3 layers, width 64)", 64, 3, 4, 172, 400, 16, 44};
constexpr Shape kMid{"mid (8 layers, width 1024)", 1024, 8, 16, 2752, 32000, 64, 40};
constexpr int kNewTokens = 20;
constexpr int32_t kEos = 2;

std::map<std::string, torch::Tensor> RandomWeights(const Shape& s) {
  torch::manual_seed(42);
  const double scale = 1.0 / std::sqrt(static_cast<double>(s.hidden));
  std::map<std::string, torch::Tensor> w = {{"model.embed_tokens.weight", torch::randn({s.vocab, s.hidden})},
                                            {"model.norm.weight", torch::ones({s.hidden})},
                                            {"lm_head.weight", torch::randn({s.vocab, s.hidden}) * scale}};
  for (int64_t i = 0; i < s.layers; ++i) {
    const std::string p = "model.layers." + std::to_string(i) + ".";
    for (const char* name : {"q_proj", "k_proj", "v_proj", "o_proj"})
      w[p + "self_attn." + name + ".weight"] = torch::randn({s.hidden, s.hidden}) * scale;
    w[p + "mlp.gate_proj.weight"] = torch::randn({s.ffn, s.hidden}) * scale;
    w[p + "mlp.up_proj.weight"] = torch::randn({s.ffn, s.hidden}) * scale;
    w[p + "mlp.down_proj.weight"] = torch::randn({s.hidden, s.ffn}) / std::sqrt(static_cast<double>(s.ffn));
    w[p + "input_layernorm.weight"] = torch::ones({s.hidden});
    w[p + "post_attention_layernorm.weight"] = torch::ones({s.hidden});
  }
  return w;
}

// Median wall time in seconds of `repeats` runs of `work`.
double MedianSeconds(int repeats, const std::function<void()>& work) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void Row(const char* what, double before, double after, const char* unit) {
  std::printf("  %-34s %12.2f %12.2f %9.2fx  %s\n", what, before, after, after / before, unit);
}

void RunShape(const Shape& s, int batch, int repeats) {
  std::printf(
      "\n%s, batch %d, %lld-token prompts (%lld image + %lld text), up to %d new tokens, %d thread(s)\n",
      s.name, batch, static_cast<long long>(s.image_tokens + s.text_tokens),
      static_cast<long long>(s.image_tokens), static_cast<long long>(s.text_tokens), kNewTokens,
      torch::get_num_threads());
  const auto weights = RandomWeights(s);
  const nlohmann::json config = {{"hidden_size", s.hidden},        {"num_hidden_layers", s.layers},
                                 {"num_attention_heads", s.heads}, {"intermediate_size", s.ffn},
                                 {"vocab_size", s.vocab},          {"rms_norm_eps", 1e-5}};
  auto built = LlamaModel::Build({&weights, "random"}, config, "random", {});
  if (!built) {
    std::fprintf(stderr, "bench_engine: %s\n", built.error().message.c_str());
    std::exit(1);
  }
  const LlamaModel& model = *built;
  const bench::BaselineLlama baseline(weights, s.layers, s.heads, 1e-5);
  c10::InferenceMode inference;
  // Prompts: random "image" vectors between embedded text ids, lengths
  // varying by a few tokens as real prompts do.
  std::vector<torch::Tensor> contexts;
  for (int r = 0; r < batch; ++r) {
    const int64_t text = s.text_tokens - (r % 4);
    const torch::Tensor ids = torch::randint(3, s.vocab, {text}, torch::kInt64);
    contexts.push_back(
        torch::cat({model.Embed(ids.slice(0, 0, 6)), torch::randn({s.image_tokens, s.hidden}) * 0.5,
                    model.Embed(ids.slice(0, 6))}));
  }
  int64_t prompt_tokens = 0;
  for (const auto& c : contexts) prompt_tokens += c.size(0);
  std::printf("  %-34s %12s %12s %10s\n", "", "before", "after", "ratio");

  // Prefill: one pass over the left-padded prompts.
  const double prefill_before = MedianSeconds(repeats, [&] {
    const LeftPaddedBatch padded = LeftPad(contexts);
    bench::BaselineCache cache;
    baseline.Forward(padded.embeds, padded.positions, padded.valid.slice(1, 0, padded.longest), cache);
  });
  const double prefill_after = MedianSeconds(repeats, [&] {
    const LeftPaddedBatch padded = LeftPad(contexts);
    KvCache cache = model.NewCache(batch, padded.longest);
    model.Logits(model.Forward(padded.embeds, padded.positions, padded.valid, cache).select(1, -1));
  });
  Row("prefill tokens/s", prompt_tokens / prefill_before, prompt_tokens / prefill_after, "tokens/s");

  // Generation.
  std::vector<std::vector<int32_t>> tokens_before;
  bench::BaselineCounters before_counters;
  const double generate_before = MedianSeconds(repeats, [&] {
    before_counters = {};
    tokens_before = BaselineGenerate(baseline, contexts, kNewTokens, kEos, before_counters);
  });
  std::vector<GenerationRow> rows;
  for (const auto& c : contexts) rows.push_back({c, kNewTokens, {}});
  std::vector<GeneratedRow> tokens_after;
  GenerationStats stats;
  const double generate_after = MedianSeconds(repeats, [&] {
    stats = {};
    tokens_after = GenerateGreedy(model, rows, kEos, {}, &stats);
  });
  int64_t generated = 0;
  bool same_tokens = true;
  for (int r = 0; r < batch; ++r) {
    generated += static_cast<int64_t>(tokens_after[r].token_ids.size());
    same_tokens = same_tokens && tokens_after[r].token_ids == tokens_before[r];
  }
  const double decoded = static_cast<double>(generated - batch);
  Row("decode tokens/s", decoded / (generate_before - prefill_before),
      decoded / (generate_after - prefill_after), "tokens/s (after the prefill)");
  Row("generation tokens/s, end to end", generated / generate_before, generated / generate_after, "tokens/s");
  std::printf("  %-34s %12.3f %12.3f            host syncs / generated token\n", "host syncs per token",
              static_cast<double>(before_counters.host_syncs) / generated,
              static_cast<double>(stats.host_reads) / generated);
  std::printf("  %-34s %s\n", "same tokens, both engines", same_tokens ? "yes" : "NO");

  // HM: generate, then p_yes (before: a second pass; after: the first step).
  const std::vector<int32_t> yes = {42 % static_cast<int32_t>(s.vocab), kEos};
  const double hm_before = MedianSeconds(repeats, [&] {
    bench::BaselineCounters counters;
    BaselineGenerate(baseline, contexts, kNewTokens, kEos, counters);
    for (const auto& c : contexts) BaselineScore(baseline, c, {yes}, counters);
  });
  for (auto& row : rows) row.first_step_ids = {yes.front()};
  const double hm_after = MedianSeconds(repeats, [&] { GenerateGreedy(model, rows, kEos); });
  Row("HM samples/s", batch / hm_before, batch / hm_after, "samples/s (generation + p_yes)");

  // IconVQA: 4 candidates of 2 to 4 tokens per prompt.
  std::vector<CandidatePrompt> prompts;
  for (int r = 0; r < batch; ++r) {
    CandidatePrompt prompt{contexts[r], {}};
    for (int c = 0; c < 4; ++c) {
      std::vector<int32_t> ids;
      for (int j = 0; j <= (c + r) % 3; ++j)
        ids.push_back(static_cast<int32_t>(10 + (7 * r + 3 * c + j) % (s.vocab - 10)));
      ids.push_back(kEos);
      prompt.candidates.push_back(ids);
    }
    prompts.push_back(prompt);
  }
  std::vector<std::vector<std::pair<double, double>>> nll_before(prompts.size());
  const double icon_before = MedianSeconds(repeats, [&] {
    bench::BaselineCounters counters;
    for (size_t p = 0; p < prompts.size(); ++p)
      nll_before[p] = BaselineScore(baseline, prompts[p].context, prompts[p].candidates, counters);
  });
  std::vector<CandidateLikelihoods> nll_after;
  const double icon_after = MedianSeconds(repeats, [&] { nll_after = ScoreCandidateIds(model, prompts); });
  double worst = 0;
  for (size_t p = 0; p < prompts.size(); ++p) {
    for (size_t c = 0; c < prompts[p].candidates.size(); ++c)
      worst = std::max(worst, std::abs(nll_after[p].summed_nll[c] - nll_before[p][c].first) /
                                  std::max(1.0, std::abs(nll_before[p][c].first)));
  }
  Row("IconVQA samples/s", batch / icon_before, batch / icon_after, "samples/s (4 candidates each)");
  std::printf("  %-34s %.2e\n", "candidate NLL, max relative diff", worst);
}

}  // namespace
}  // namespace vleval

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rows appear as they are measured
  std::string which = "all";
  int batch = 10, repeats = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--batch" || arg == "--repeats") && i + 1 < argc) {
      (arg == "--batch" ? batch : repeats) = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "tiny" || arg == "mid" || arg == "all") {
      which = arg;
    } else {
      std::fprintf(stderr, "usage: bench_engine [tiny|mid|all] [--batch N] [--repeats N]\n");
      return 2;
    }
  }
  if (which != "mid") vleval::RunShape(vleval::kTiny, batch, repeats);
  if (which != "tiny") vleval::RunShape(vleval::kMid, batch, repeats);
  return 0;
}
