// Likelihood of candidate answers after one prompt (IconVQA ranking, HM's
// P("yes")): the prompt is run once, its key/value cache is shared by every
// candidate, each candidate's tokens are then run in one step. Runs under
// torch::NoGradGuard.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "model/minigptv2/llama_model.h"

namespace vleval {

struct CandidateLikelihoods {
  std::vector<double> summed_nll;           // -sum log p(token) over each candidate's ids
  std::vector<double> first_token_logprob;  // log p(first id) right after the prompt
};

// `context` [L, hidden] is the prompt's embeddings; each candidate is a
// non-empty id list (the caller appends EOS when it should be scored).
CandidateLikelihoods ScoreCandidateIds(const LlamaModel& model, const torch::Tensor& context,
                                       const std::vector<std::vector<int32_t>>& candidates);

}  // namespace vleval
