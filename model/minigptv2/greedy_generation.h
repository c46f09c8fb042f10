// Batched greedy decoding over per-sample context embeddings, as MiniGPT-v2's
// generate() runs HF generate: rows are left-padded with zero vectors that no
// row attends, positions count only a row's own tokens (so a row's output does
// not depend on its batch), EOS is forbidden at the first step, a row stops at
// EOS or after its own token budget. Runs under torch::NoGradGuard.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "model/minigptv2/llama_model.h"

namespace vleval {

struct GenerationRow {
  torch::Tensor context;  // [L, hidden]: text and image embeddings of the prompt
  int max_new_tokens = 20;
};

// Generated ids per row, up to and including EOS when it came.
std::vector<std::vector<int32_t>> GenerateGreedy(const LlamaModel& model,
                                                 const std::vector<GenerationRow>& rows, int32_t eos_id);

// The prefill inputs for contexts of different lengths, left-padded to the
// longest: embeds [B, T, hidden] (zeros in padding), positions [B, T] (a
// row's tokens count from 0; padding gets 1 as in HF), valid [B, T] bool.
struct LeftPaddedBatch {
  torch::Tensor embeds, positions, valid;
  std::vector<int64_t> lengths;
};
LeftPaddedBatch LeftPad(const std::vector<torch::Tensor>& contexts);

}  // namespace vleval
