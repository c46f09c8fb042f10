#include "model/minigptv2/greedy_generation.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <thread>

#include <c10/core/Event.h>
#include <c10/core/impl/VirtualGuardImpl.h>

namespace vleval {
namespace {

// The all-done flag, read by the host without stalling the device: on CUDA
// each check copies the flag into pinned memory behind an event and reads the
// copy of the previous check (long finished by then); on CPU it reads at once.
class DoneFlag {
 public:
  explicit DoneFlag(const torch::Device& device) : device_(device) {
    if (!device.is_cpu()) {
      host_ = torch::zeros({1}, torch::TensorOptions().dtype(torch::kBool).pinned_memory(true));
    }
  }

  // True when the flag of an earlier check (CPU: this one) says all done.
  bool Check(const torch::Tensor& done, GenerationStats& stats) {
    ++stats.host_reads;
    if (device_.is_cpu()) return done.all().item<bool>();
    bool finished = false;
    if (event_) {
      // Recorded a check ago: normally complete already (query() rather than
      // synchronize(), which libtorch 1.13's c10::Event lacks).
      while (!event_->query()) std::this_thread::yield();
      finished = host_.item<bool>();
    }
    host_.copy_(done.all().unsqueeze(0), /*non_blocking=*/true);
    c10::impl::VirtualGuardImpl guard(device_.type());
    event_.emplace(device_.type());
    event_->record(guard.getStream(device_));
    return finished;
  }

 private:
  torch::Device device_;
  torch::Tensor host_;
  std::optional<c10::Event> event_;
};

}  // namespace

LeftPaddedBatch LeftPad(const std::vector<torch::Tensor>& contexts, int64_t extra) {
  LeftPaddedBatch batch;
  std::vector<int64_t> lengths;
  for (const auto& c : contexts) {
    lengths.push_back(c.size(0));
    batch.longest = std::max(batch.longest, c.size(0));
  }
  const auto rows = static_cast<int64_t>(contexts.size());
  const auto& first = contexts.front();
  const auto device = first.device();
  batch.embeds = torch::zeros({rows, batch.longest, first.size(1)}, first.options());
  // Positions and masks are built on the host and uploaded once per batch.
  torch::Tensor positions = torch::ones({rows, batch.longest}, torch::kInt64);
  torch::Tensor valid = torch::ones({rows, batch.longest + extra}, torch::kBool);
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t pad = batch.longest - lengths[static_cast<size_t>(r)];
    batch.embeds[r].slice(0, pad).copy_(contexts[static_cast<size_t>(r)]);
    positions[r].slice(0, pad).copy_(torch::arange(lengths[static_cast<size_t>(r)], torch::kInt64));
    valid[r].slice(0, 0, pad).fill_(false);
  }
  batch.positions = positions.to(device);
  batch.valid = valid.to(device);
  batch.lengths = torch::tensor(lengths, torch::kInt64).to(device);
  return batch;
}

std::vector<GeneratedRow> GenerateGreedy(const LlamaModel& model, const std::vector<GenerationRow>& rows,
                                         int32_t eos_id, const GenerationOptions& options,
                                         GenerationStats* stats) {
  GenerationStats local_stats;
  GenerationStats& counted = stats != nullptr ? *stats : local_stats;
  std::vector<GeneratedRow> generated(rows.size());
  if (rows.empty()) return generated;
  const auto device = model.placement().device;
  const auto count = static_cast<int64_t>(rows.size());
  std::vector<torch::Tensor> contexts;
  std::vector<int64_t> budgets;
  int budget = 0;
  for (const auto& row : rows) {
    contexts.push_back(row.context);
    budgets.push_back(std::max(row.max_new_tokens, 0));
    budget = std::max(budget, row.max_new_tokens);
  }
  if (budget <= 0) return generated;
  const LeftPaddedBatch batch = LeftPad(contexts, budget);
  KvCache cache = model.NewCache(count, batch.longest + budget);
  const auto int_options = torch::TensorOptions(device).dtype(torch::kInt64);
  const torch::Tensor row_budgets = torch::tensor(budgets, torch::kInt64).to(device);
  torch::Tensor done = row_budgets <= 0;
  const torch::Tensor out = torch::zeros({count, budget}, int_options);

  torch::Tensor logits =
      model.Logits(model.Forward(batch.embeds, batch.positions, batch.valid, cache).select(1, -1));
  // First-step log-probabilities of the requested ids, gathered on the device.
  std::vector<int64_t> probe_rows, probe_ids;
  for (int64_t r = 0; r < count; ++r) {
    for (const int32_t id : rows[static_cast<size_t>(r)].first_step_ids) {
      probe_rows.push_back(r);
      probe_ids.push_back(id);
    }
  }
  torch::Tensor probes;
  if (!probe_ids.empty()) {
    probes = logits.log_softmax(-1).index({torch::tensor(probe_rows, torch::kInt64).to(device),
                                           torch::tensor(probe_ids, torch::kInt64).to(device)});
  }
  logits.select(1, eos_id).fill_(-std::numeric_limits<float>::infinity());

  DoneFlag flag(device);
  const int check_every = std::max(options.check_every, 1);
  for (int step = 0; step < budget; ++step) {
    const torch::Tensor next = logits.argmax(-1).masked_fill(done, 0);  // finished rows are fed the pad id 0
    out.select(1, step).copy_(next);
    done = done | (next == eos_id) | (row_budgets <= step + 1);
    if (step + 1 == budget) break;
    if ((step + 1) % check_every == 0 && flag.Check(done, counted)) break;
    const torch::Tensor embeds = model.Embed(next).unsqueeze(1);
    const torch::Tensor positions = (batch.lengths + step).unsqueeze(1);
    logits = model.Logits(model.Forward(embeds, positions, batch.valid, cache).select(1, -1));
    ++counted.decode_steps;
  }

  ++counted.host_reads;
  const torch::Tensor ids = out.to(torch::kCPU);
  const torch::Tensor probe_values =
      probes.defined() ? probes.to(torch::kCPU, torch::kFloat64) : torch::Tensor();
  const auto id_rows = ids.accessor<int64_t, 2>();
  size_t probe = 0;
  for (int64_t r = 0; r < count; ++r) {
    auto& row = generated[static_cast<size_t>(r)];
    for (int64_t j = 0; j < budgets[static_cast<size_t>(r)]; ++j) {
      row.token_ids.push_back(static_cast<int32_t>(id_rows[r][j]));
      if (id_rows[r][j] == eos_id) break;
    }
    for (size_t k = 0; k < rows[static_cast<size_t>(r)].first_step_ids.size(); ++k)
      row.first_step_logprobs.push_back(probe_values[static_cast<int64_t>(probe++)].item<double>());
  }
  return generated;
}

}  // namespace vleval
