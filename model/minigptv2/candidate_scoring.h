// Likelihood of candidate answers after prompts (IconVQA ranking, HM's
// P("yes")), for a batch of prompts at once: the left-padded prompts run in
// one prefill pass, its key/value cache is gathered once per candidate (the
// shared prefix is never recomputed), and all candidates of the batch run in
// one further pass, in groups of at most `max_rows` rows to bound memory.
// Per-token log-probabilities come from float32 log_softmax over the full
// vocabulary, summed in float64 on the host in token order, so every value
// is the one a lone pass over prompt + candidate gives (up to float rounding
// of the batched matmuls). Call under c10::InferenceMode.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "model/minigptv2/llama_model.h"

namespace vleval {

struct CandidatePrompt {
  torch::Tensor context;                         // [L, hidden]: the prompt's embeddings
  std::vector<std::vector<int32_t>> candidates;  // non-empty id lists (EOS appended by the caller)
};

struct CandidateLikelihoods {
  std::vector<double> summed_nll;           // -sum log p(token) over each candidate's ids
  std::vector<double> first_token_logprob;  // log p(first id) right after the prompt
};

std::vector<CandidateLikelihoods> ScoreCandidateIds(const LlamaModel& model,
                                                    const std::vector<CandidatePrompt>& prompts,
                                                    int64_t max_rows = 64);

}  // namespace vleval
