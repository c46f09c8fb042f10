#include "model/minigptv2/candidate_scoring.h"

#include <algorithm>

#include "model/minigptv2/greedy_generation.h"

namespace vleval {
namespace {

struct CandidateRow {
  size_t prompt = 0, candidate = 0;
};

}  // namespace

std::vector<CandidateLikelihoods> ScoreCandidateIds(const LlamaModel& model,
                                                    const std::vector<CandidatePrompt>& prompts,
                                                    int64_t max_rows) {
  std::vector<CandidateLikelihoods> results(prompts.size());
  if (prompts.empty()) return results;
  const auto device = model.placement().device;
  std::vector<torch::Tensor> contexts;
  std::vector<CandidateRow> rows;
  int64_t longest_answer = 1;
  for (size_t p = 0; p < prompts.size(); ++p) {
    contexts.push_back(prompts[p].context);
    for (size_t c = 0; c < prompts[p].candidates.size(); ++c) {
      rows.push_back({p, c});
      longest_answer =
          std::max<int64_t>(longest_answer, static_cast<int64_t>(prompts[p].candidates[c].size()));
    }
    results[p].summed_nll.resize(prompts[p].candidates.size());
    results[p].first_token_logprob.resize(prompts[p].candidates.size());
  }
  // Candidate ids are fed after the prompt but the last one: extra positions.
  const int64_t fed = longest_answer - 1;
  const LeftPaddedBatch batch = LeftPad(contexts, fed);
  KvCache prompt_cache = model.NewCache(static_cast<int64_t>(prompts.size()), batch.longest);
  const torch::Tensor prompt_hidden = model.Forward(batch.embeds, batch.positions, batch.valid, prompt_cache);
  const torch::Tensor after_prompt = model.Logits(prompt_hidden.select(1, -1)).log_softmax(-1);

  const int64_t group = std::max<int64_t>(max_rows, 1);
  for (size_t start = 0; start < rows.size(); start += static_cast<size_t>(group)) {
    const size_t end = std::min(rows.size(), start + static_cast<size_t>(group));
    const auto n = static_cast<int64_t>(end - start);
    // Per row: its prompt, the ids it feeds (right-padded with 0, never read:
    // causal attention keeps them after every scored position) and the ids
    // it scores.
    std::vector<int64_t> prompt_of(static_cast<size_t>(n)), first_ids(static_cast<size_t>(n));
    std::vector<int64_t> feed(static_cast<size_t>(n * std::max<int64_t>(fed, 1)), 0);
    std::vector<int64_t> target(feed.size(), 0);
    for (int64_t i = 0; i < n; ++i) {
      const CandidateRow& row = rows[start + static_cast<size_t>(i)];
      const auto& ids = prompts[row.prompt].candidates[row.candidate];
      prompt_of[static_cast<size_t>(i)] = static_cast<int64_t>(row.prompt);
      first_ids[static_cast<size_t>(i)] = ids.front();
      for (size_t j = 0; j + 1 < ids.size(); ++j) {
        feed[static_cast<size_t>(i * fed) + j] = ids[j];
        target[static_cast<size_t>(i * fed) + j] = ids[j + 1];
      }
    }
    const torch::Tensor prompt_index = torch::tensor(prompt_of, torch::kInt64).to(device);
    const torch::Tensor first =
        after_prompt.index({prompt_index, torch::tensor(first_ids, torch::kInt64).to(device)});
    torch::Tensor later;  // [n, fed] log-probabilities of ids[1..]
    if (fed > 0) {
      KvCache cache = prompt_cache.Gather(prompt_index, batch.longest + fed);
      const torch::Tensor feed_ids = torch::tensor(feed, torch::kInt64).to(device).view({n, fed});
      const torch::Tensor embeds = model.Embed(feed_ids.reshape({-1})).view({n, fed, model.hidden_size()});
      const torch::Tensor positions =
          batch.lengths.index_select(0, prompt_index).unsqueeze(1) + torch::arange(fed, feed_ids.options());
      const torch::Tensor valid = batch.valid.index_select(0, prompt_index);
      const torch::Tensor logp = model.Logits(model.Forward(embeds, positions, valid, cache)).log_softmax(-1);
      later = logp.gather(2, torch::tensor(target, torch::kInt64).to(device).view({n, fed, 1})).squeeze(2);
    }
    // One copy back per group; sums in token order on the host.
    const torch::Tensor first_host = first.to(torch::kCPU, torch::kFloat64);
    const torch::Tensor later_host =
        later.defined() ? later.to(torch::kCPU, torch::kFloat64) : torch::Tensor();
    for (int64_t i = 0; i < n; ++i) {
      const CandidateRow& row = rows[start + static_cast<size_t>(i)];
      const auto& ids = prompts[row.prompt].candidates[row.candidate];
      const double first_logprob = first_host[i].item<double>();
      double nll = -first_logprob;
      for (size_t j = 0; j + 1 < ids.size(); ++j)
        nll -= later_host[i][static_cast<int64_t>(j)].item<double>();
      results[row.prompt].summed_nll[row.candidate] = nll;
      results[row.prompt].first_token_logprob[row.candidate] = first_logprob;
    }
  }
  return results;
}

}  // namespace vleval
