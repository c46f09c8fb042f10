// Greedy decoding with the preallocated cache and the device-side loop gives
// the tokens of a plain loop that recomputes the whole sequence each step
// (no cache, one row at a time), reads the host rarely, and reports the
// first-step log-probabilities of the same pass.
#include "model/minigptv2/greedy_generation.h"

#include <limits>

#include <gtest/gtest.h>

#include "tests/model/random_minigptv2.h"

namespace vleval {
namespace {

constexpr int32_t kEos = 2;

LlamaModel Model() {
  static const auto weights = testing::RandomLlamaWeights();
  auto model = LlamaModel::Build({&weights, "llama"}, testing::RandomLlamaConfig(), "config.json", {});
  EXPECT_TRUE(model) << model.error().message;
  return std::move(*model);
}

// One row alone, the whole sequence recomputed at every step.
std::vector<int32_t> PlainGreedy(const LlamaModel& model, const torch::Tensor& context, int budget) {
  torch::Tensor sequence = context;
  std::vector<int32_t> ids;
  for (int step = 0; step < budget; ++step) {
    const int64_t length = sequence.size(0);
    KvCache cache = model.NewCache(1, length);
    torch::Tensor logits =
        model.Logits(model.Forward(sequence.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                   torch::ones({1, length}, torch::kBool), cache))[0][length - 1];
    if (step == 0) logits[kEos] = -std::numeric_limits<float>::infinity();
    const auto id = logits.argmax().item<int64_t>();
    ids.push_back(static_cast<int32_t>(id));
    if (id == kEos) break;
    sequence = torch::cat({sequence, model.Embed(torch::tensor({id}, torch::kInt64))});
  }
  return ids;
}

std::vector<GenerationRow> Rows(const LlamaModel& model) {
  std::vector<GenerationRow> rows;
  const std::vector<std::vector<int64_t>> prompts = {
      {1, 5, 9, 3}, {1, 7}, {1, 30, 31, 32, 33, 34}, {1, 12, 6}};
  const int budgets[] = {9, 3, 12, 0};
  for (size_t i = 0; i < prompts.size(); ++i)
    rows.push_back({model.Embed(torch::tensor(prompts[i], torch::kInt64)), budgets[i], {}});
  return rows;
}

TEST(GreedyGeneration, BatchedLoopGivesThePlainLoopsTokensRowByRow) {
  const LlamaModel model = Model();
  c10::InferenceMode inference;
  const auto rows = Rows(model);
  const auto generated = GenerateGreedy(model, rows, kEos);
  ASSERT_EQ(generated.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(generated[i].token_ids, PlainGreedy(model, rows[i].context, rows[i].max_new_tokens))
        << "row " << i;
    EXPECT_LE(static_cast<int>(generated[i].token_ids.size()), rows[i].max_new_tokens);
  }
  EXPECT_TRUE(generated[3].token_ids.empty());
}

TEST(GreedyGeneration, HostReadsTheDoneFlagOnlyEveryFewSteps) {
  const LlamaModel model = Model();
  c10::InferenceMode inference;
  GenerationStats every_step, every_fourth;
  const auto one = GenerateGreedy(model, Rows(model), kEos, {1}, &every_step);
  const auto four = GenerateGreedy(model, Rows(model), kEos, {4}, &every_fourth);
  for (size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].token_ids, four[i].token_ids);
  ASSERT_GT(every_fourth.decode_steps, 0);
  // One read per check plus the final copy of the ids.
  EXPECT_LE(every_fourth.host_reads, every_fourth.decode_steps / 4 + 2);
  EXPECT_GT(every_step.host_reads, every_fourth.host_reads);
}

TEST(GreedyGeneration, FirstStepLogProbabilitiesComeFromThePrefillBeforeTheEosBan) {
  const LlamaModel model = Model();
  c10::InferenceMode inference;
  auto rows = Rows(model);
  rows[0].first_step_ids = {kEos, 7};
  rows[1].first_step_ids = {11};
  const auto generated = GenerateGreedy(model, rows, kEos);
  const auto& context = rows[0].context;
  const int64_t length = context.size(0);
  KvCache cache = model.NewCache(1, length);
  const torch::Tensor logp =
      model
          .Logits(model.Forward(context.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                torch::ones({1, length}, torch::kBool), cache))[0][length - 1]
          .log_softmax(-1);
  ASSERT_EQ(generated[0].first_step_logprobs.size(), 2u);
  EXPECT_NEAR(generated[0].first_step_logprobs[0], logp[kEos].item<double>(), 1e-5);
  EXPECT_NEAR(generated[0].first_step_logprobs[1], logp[7].item<double>(), 1e-5);
  EXPECT_EQ(generated[1].first_step_logprobs.size(), 1u);
  EXPECT_TRUE(generated[2].first_step_logprobs.empty());
}

TEST(GreedyGeneration, LeftPadPlacesRowsAtTheEndWithTheirOwnPositions) {
  const torch::Tensor a = torch::ones({2, 3}), b = torch::full({3, 3}, 2.0f);
  const LeftPaddedBatch batch = LeftPad({a, b}, 2);
  EXPECT_EQ(batch.longest, 3);
  EXPECT_TRUE(torch::equal(batch.positions, torch::tensor({{1, 0, 1}, {0, 1, 2}}, torch::kInt64)));
  EXPECT_TRUE(torch::equal(batch.valid,
                           torch::tensor({{false, true, true, true, true}, {true, true, true, true, true}})));
  EXPECT_TRUE(torch::equal(batch.lengths, torch::tensor({2, 3}, torch::kInt64)));
  EXPECT_TRUE(torch::equal(batch.embeds[0][0], torch::zeros({3})));
}

}  // namespace
}  // namespace vleval
