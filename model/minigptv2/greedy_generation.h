// Batched greedy decoding over per-sample context embeddings, as MiniGPT-v2's
// generate() runs HF generate: rows are left-padded with zero vectors that no
// row attends, positions count only a row's own tokens (so a row's output does
// not depend on its batch), EOS is forbidden at the first step, a row stops at
// EOS or after its own token budget.
//
// The loop never waits on the host per token: argmax, the EOS ban, budgets,
// done flags, next ids and positions stay on the device, the key/value cache
// is allocated once (kv_cache.h), lm_head runs on the last position only, and
// the host reads one done flag every `check_every` steps (on CUDA a
// non-blocking copy into pinned memory, read one check later). Generated ids
// come back in one copy at the end. Call under c10::InferenceMode.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "model/minigptv2/llama_model.h"

namespace vleval {

struct GenerationRow {
  torch::Tensor context;  // [L, hidden]: text and image embeddings of the prompt
  int max_new_tokens = 20;
  // Token ids whose log-probability at the first step (full vocabulary,
  // before the EOS ban) is reported in GeneratedRow::first_step_logprobs.
  std::vector<int32_t> first_step_ids;
};

struct GeneratedRow {
  std::vector<int32_t> token_ids;  // up to and including EOS when it came
  std::vector<double> first_step_logprobs;
};

// What a generation cost on the host side (benchmarks report it).
struct GenerationStats {
  int64_t decode_steps = 0;  // forward passes after the prefill
  int64_t host_reads = 0;    // device-to-host reads that the loop waited for
};

struct GenerationOptions {
  int check_every = 4;  // decode steps between two reads of the done flag
};

std::vector<GeneratedRow> GenerateGreedy(const LlamaModel& model, const std::vector<GenerationRow>& rows,
                                         int32_t eos_id, const GenerationOptions& options = {},
                                         GenerationStats* stats = nullptr);

// The prefill inputs for contexts of different lengths, left-padded to the
// longest, on the contexts' device: embeds [B, T, hidden] (zeros in padding),
// positions [B, T] int64 (a row's tokens count from 0; padding gets 1 as in
// HF), valid [B, T + extra] bool (padding false; the `extra` positions after
// the prompt true), lengths [B] int64.
struct LeftPaddedBatch {
  torch::Tensor embeds, positions, valid, lengths;
  int64_t longest = 0;
};
LeftPaddedBatch LeftPad(const std::vector<torch::Tensor>& contexts, int64_t extra = 0);

}  // namespace vleval
