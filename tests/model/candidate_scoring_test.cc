// Batched candidate scoring (one prefill for all prompts, all candidates in
// one pass over the gathered prefix cache) gives the log-likelihoods of a
// lone full pass over prompt + candidate.
#include "model/minigptv2/candidate_scoring.h"

#include <gtest/gtest.h>

#include "tests/model/random_minigptv2.h"

namespace vleval {
namespace {

LlamaModel Model() {
  static const auto weights = testing::RandomLlamaWeights();
  auto model = LlamaModel::Build({&weights, "llama"}, testing::RandomLlamaConfig(), "config.json", {});
  EXPECT_TRUE(model) << model.error().message;
  return std::move(*model);
}

// -sum log p(ids | context) from one pass over context + ids.
double LoneNll(const LlamaModel& model, const torch::Tensor& context, const std::vector<int32_t>& ids) {
  const torch::Tensor fed =
      model.Embed(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kInt64));
  const torch::Tensor sequence = torch::cat({context, fed}).unsqueeze(0);
  const int64_t length = sequence.size(1);
  KvCache cache = model.NewCache(1, length);
  const torch::Tensor logp = model
                                 .Logits(model.Forward(sequence, torch::arange(length).unsqueeze(0),
                                                       torch::ones({1, length}, torch::kBool), cache))[0]
                                 .log_softmax(-1);
  double nll = 0;
  for (size_t j = 0; j < ids.size(); ++j)
    nll -= logp[context.size(0) - 1 + static_cast<int64_t>(j)][ids[j]].item<double>();
  return nll;
}

TEST(CandidateScoring, BatchedScoresEqualLonePassesForEveryPromptAndCandidate) {
  const LlamaModel model = Model();
  c10::InferenceMode inference;
  auto embed = [&](std::vector<int64_t> ids) { return model.Embed(torch::tensor(ids, torch::kInt64)); };
  const std::vector<CandidatePrompt> prompts = {
      {embed({1, 4, 8, 15}), {{5, 2}, {6, 7, 9, 2}, {2}}},
      {embed({1, 16}), {{23, 2}, {10, 11, 2}}},
      {embed({1, 3, 3, 3, 3, 3}), {{12, 13, 14, 15, 16, 2}}},
  };
  for (const int64_t max_rows : {64, 2}) {
    const auto scored = ScoreCandidateIds(model, prompts, max_rows);
    ASSERT_EQ(scored.size(), prompts.size());
    for (size_t p = 0; p < prompts.size(); ++p) {
      ASSERT_EQ(scored[p].summed_nll.size(), prompts[p].candidates.size());
      for (size_t c = 0; c < prompts[p].candidates.size(); ++c) {
        const auto& ids = prompts[p].candidates[c];
        EXPECT_NEAR(scored[p].summed_nll[c], LoneNll(model, prompts[p].context, ids), 1e-4)
            << "prompt " << p << " candidate " << c << " max_rows " << max_rows;
        EXPECT_NEAR(scored[p].first_token_logprob[c], -LoneNll(model, prompts[p].context, {ids.front()}),
                    1e-5);
      }
    }
  }
}

}  // namespace
}  // namespace vleval
