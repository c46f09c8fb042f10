#include "model/minigptv2/candidate_scoring.h"

namespace vleval {

CandidateLikelihoods ScoreCandidateIds(const LlamaModel& model, const torch::Tensor& context,
                                       const std::vector<std::vector<int32_t>>& candidates) {
  torch::NoGradGuard no_grad;
  const int64_t length = context.size(0);
  KvCache prompt_cache;
  const torch::Tensor prompt_logits =
      model.Forward(context.unsqueeze(0), torch::arange(length, torch::kInt64).unsqueeze(0),
                    torch::ones({1, length}, torch::kBool), prompt_cache);
  const torch::Tensor after_prompt = prompt_logits[0][length - 1].log_softmax(-1).to(torch::kCPU);
  CandidateLikelihoods result;
  for (const auto& ids : candidates) {
    const auto n = static_cast<int64_t>(ids.size());
    const double first = after_prompt[ids.front()].item<double>();
    double nll = -first;
    if (n > 1) {
      std::vector<int64_t> fed(ids.begin(), ids.end() - 1);
      KvCache cache = prompt_cache;
      const torch::Tensor logits = model.Forward(model.Embed(torch::tensor(fed, torch::kInt64)).unsqueeze(0),
                                                 (torch::arange(n - 1, torch::kInt64) + length).unsqueeze(0),
                                                 torch::ones({1, length + n - 1}, torch::kBool), cache);
      const torch::Tensor logp = logits[0].log_softmax(-1).to(torch::kCPU);
      for (int64_t j = 1; j < n; ++j) nll -= logp[j - 1][ids[j]].item<double>();
    }
    result.summed_nll.push_back(nll);
    result.first_token_logprob.push_back(first);
  }
  return result;
}

}  // namespace vleval
