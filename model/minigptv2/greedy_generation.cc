#include "model/minigptv2/greedy_generation.h"

#include <algorithm>
#include <limits>

namespace vleval {

LeftPaddedBatch LeftPad(const std::vector<torch::Tensor>& contexts) {
  LeftPaddedBatch batch;
  int64_t longest = 0;
  for (const auto& c : contexts) {
    batch.lengths.push_back(c.size(0));
    longest = std::max(longest, c.size(0));
  }
  const auto rows = static_cast<int64_t>(contexts.size());
  const auto& first = contexts.front();
  batch.embeds = torch::zeros({rows, longest, first.size(1)}, first.options());
  batch.positions = torch::ones({rows, longest}, torch::kInt64);
  batch.valid = torch::zeros({rows, longest}, torch::kBool);
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t pad = longest - batch.lengths[r];
    batch.embeds[r].slice(0, pad).copy_(contexts[r]);
    batch.positions[r].slice(0, pad).copy_(torch::arange(batch.lengths[r], torch::kInt64));
    batch.valid[r].slice(0, pad).fill_(true);
  }
  return batch;
}

std::vector<std::vector<int32_t>> GenerateGreedy(const LlamaModel& model,
                                                 const std::vector<GenerationRow>& rows, int32_t eos_id) {
  torch::NoGradGuard no_grad;
  const auto count = static_cast<int64_t>(rows.size());
  std::vector<std::vector<int32_t>> generated(rows.size());
  if (rows.empty()) return generated;
  std::vector<torch::Tensor> contexts;
  int budget = 0;
  for (const auto& row : rows) {
    contexts.push_back(row.context);
    budget = std::max(budget, row.max_new_tokens);
  }
  LeftPaddedBatch batch = LeftPad(contexts);
  std::vector<bool> done(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) done[r] = rows[r].max_new_tokens <= 0;
  KvCache cache;
  torch::Tensor embeds = batch.embeds, positions = batch.positions, valid = batch.valid;
  for (int step = 0; step < budget; ++step) {
    torch::Tensor logits = model.Forward(embeds, positions, valid, cache).select(1, -1);
    if (step == 0) logits.select(1, eos_id).fill_(-std::numeric_limits<float>::infinity());
    const torch::Tensor next = logits.argmax(-1).to(torch::kCPU);
    std::vector<int64_t> fed(rows.size(), 0);  // finished rows are fed the pad id 0
    bool all_done = true;
    for (int64_t r = 0; r < count; ++r) {
      if (done[r]) continue;
      const auto id = static_cast<int32_t>(next[r].item<int64_t>());
      generated[r].push_back(id);
      fed[r] = id;
      done[r] = id == eos_id || static_cast<int>(generated[r].size()) >= rows[r].max_new_tokens;
      all_done = all_done && done[r];
    }
    if (all_done) break;
    embeds = model.Embed(torch::tensor(fed, torch::kInt64)).unsqueeze(1);
    torch::Tensor step_positions = torch::empty({count, 1}, torch::kInt64);
    for (int64_t r = 0; r < count; ++r) step_positions[r][0] = batch.lengths[r] + step;
    positions = step_positions;
    valid = torch::cat({valid, torch::ones({count, 1}, torch::kBool)}, 1);
  }
  return generated;
}

}  // namespace vleval
