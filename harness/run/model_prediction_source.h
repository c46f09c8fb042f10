// Predictions from a ModelBackend, by task family: greedy generation for the
// generative tasks; IconVQA ranks its choices by ScoreCandidates
// (candidates_nll, output = the lowest-NLL choice, plus the token counts of
// the choices, of their "_"-split pieces and of the padding candidate for the
// minigptv2 ranking, metrics/iconvqa_choice.h); a task whose config names
// generation.first_token_probability (HM "yes", VizWiz "unanswerable") also
// records exp(first-token log-prob) of that candidate (p_yes,
// p_unanswerable) from the same generation pass; REC repeats rejected
// samples with the official resampling prompts (benchmarks/rec_resampling.h),
// reusing their image embeddings, and records the rounds used in `attempts`.
#pragma once

#include <cstdint>

#include "core/request_kind.h"
#include "harness/run/prediction_source.h"
#include "model/backend.h"

namespace vleval {

class ModelPredictionSource : public PredictionSource {
 public:
  // `backend` is borrowed and must outlive this object.
  explicit ModelPredictionSource(ModelBackend& backend) : backend_(backend) {}

  bool needs_images() const override { return true; }
  bool buckets_by_length() const override { return true; }
  int preferred_batch_size() const override { return backend_.preferred_batch_size(); }
  Result<std::vector<PredictionRecord>> Predict(const PlannedEntry& entry,
                                                std::span<const PendingSample> batch) override;

 private:
  Result<std::vector<PredictionRecord>> Generate(const PlannedEntry& entry,
                                                 std::span<const PendingSample> batch);
  Result<std::vector<PredictionRecord>> RankChoices(const PlannedEntry& entry,
                                                    std::span<const PendingSample> batch);
  // The backend's image key of sample `index` of the current Predict batch:
  // unique across calls, the same in every resampling round of the batch.
  uint64_t ImageKey(std::size_t index) const;
  Status Resample(const PlannedEntry& entry, std::span<const PendingSample> batch,
                  std::vector<PredictionRecord>& records);

  ModelBackend& backend_;
  uint64_t first_key_ = 0, next_key_ = 1;  // keys of the current batch start at first_key_
};

}  // namespace vleval
