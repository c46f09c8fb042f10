#include "harness/run/model_prediction_source.h"

#include <cmath>

#include "benchmarks/rec_resampling.h"
#include "metrics/iconvqa_choice.h"

namespace vleval {
namespace {

PredictionRecord FromGeneration(const PendingSample& pending, const std::string& prompt,
                                const GenerateResult& result) {
  PredictionRecord record;
  record.id = pending.sample->id;
  record.prompt = prompt;
  record.output = result.text;
  record.token_ids.assign(result.token_ids.begin(), result.token_ids.end());
  return record;
}

Error BatchError(const PlannedEntry& entry, const Error& error) {
  return Error{entry.name + ": model: " + error.message};
}

}  // namespace

Result<std::vector<PredictionRecord>> ModelPredictionSource::Predict(const PlannedEntry& entry,
                                                                     std::span<const PendingSample> batch) {
  first_key_ = next_key_;
  next_key_ += batch.size();
  if (entry.request_kind == RequestKind::kScoreCandidates) return RankChoices(entry, batch);
  auto records = Generate(entry, batch);
  if (!records) return records;
  if (entry.rec_resample) {
    if (auto status = Resample(entry, batch, *records); !status)
      return BatchError(entry, Error{status.message()});
  }
  return records;
}

Result<std::vector<PredictionRecord>> ModelPredictionSource::Generate(const PlannedEntry& entry,
                                                                      std::span<const PendingSample> batch) {
  // A first-token probability (HM "yes", VizWiz "unanswerable") comes from
  // the first step of the same pass.
  const std::string& probed = entry.task.generation.first_token_probability;
  if (PredictionRecord probe; !probed.empty() && FirstTokenProbabilityField(probe, probed) == nullptr) {
    return BatchError(entry, Error{"no prediction field for first_token_probability '" + probed +
                                   "' (known: yes, unanswerable)"});
  }
  std::vector<GenerateRequest> requests;
  requests.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    GenerateRequest request{&batch[i].image, batch[i].task_text, batch[i].prompt,
                            entry.task.generation.max_new_tokens};
    if (!probed.empty()) request.first_token_texts = {probed};
    request.image_key = ImageKey(i);
    requests.push_back(std::move(request));
  }
  auto results = backend_.Generate(requests);
  if (!results) return BatchError(entry, results.error());
  std::vector<PredictionRecord> records;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    records.push_back(FromGeneration(batch[i], batch[i].prompt, (*results)[i]));
    if (probed.empty()) continue;
    if ((*results)[i].first_token_logprob.empty()) {
      return BatchError(entry,
                        Error{"the backend returned no first-token probability of \"" + probed + "\""});
    }
    *FirstTokenProbabilityField(records.back(), probed) = std::exp((*results)[i].first_token_logprob.front());
  }
  return records;
}

Result<std::vector<PredictionRecord>> ModelPredictionSource::RankChoices(
    const PlannedEntry& entry, std::span<const PendingSample> batch) {
  // Per sample: its choices, then the scripts' "_"-split pieces when they
  // differ (and none is empty), then the padding candidate (only its length
  // is used).
  std::vector<ScoreRequest> requests;
  std::vector<std::size_t> choice_counts, piece_counts;
  for (const auto& pending : batch) {
    auto candidates = pending.sample->references.choices;
    choice_counts.push_back(candidates.size());
    auto pieces = IconVqaMiniGptV2Candidates(candidates);
    const bool split = pieces != candidates && IconVqaPiecesScorable(pieces);
    piece_counts.push_back(split ? pieces.size() : 0);
    if (split) candidates.insert(candidates.end(), pieces.begin(), pieces.end());
    candidates.push_back(kIconVqaPaddingCandidate);
    requests.push_back({&pending.image, pending.task_text, pending.prompt, std::move(candidates)});
  }
  auto results = backend_.ScoreCandidates(requests);
  if (!results) return BatchError(entry, results.error());
  std::vector<PredictionRecord> records;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const ScoreResult& scores = (*results)[i];
    const auto choices = static_cast<std::ptrdiff_t>(choice_counts[i]);
    const auto pieces = static_cast<std::ptrdiff_t>(piece_counts[i]);
    PredictionRecord record;
    record.id = batch[i].sample->id;
    record.prompt = batch[i].prompt;
    const std::size_t requested = requests[i].candidates.size();
    if (scores.candidates_nll.size() != requested) {
      return BatchError(
          entry, Error{"request " + std::to_string(i) + ": " + std::to_string(scores.candidates_nll.size()) +
                       " scores for " + std::to_string(requested) + " candidates"});
    }
    record.candidates_nll.assign(scores.candidates_nll.begin(), scores.candidates_nll.begin() + choices);
    // A backend that reports no token counts leaves the detail empty: the
    // minigptv2 rule then falls back to summed NLL with a note.
    if (scores.candidates_tokens.size() == requested && scores.prompt_positions > 0) {
      ChoiceScoringDetail& detail = record.choice_detail;
      detail.tokens.assign(scores.candidates_tokens.begin(), scores.candidates_tokens.begin() + choices);
      detail.split_nll.assign(scores.candidates_nll.begin() + choices,
                              scores.candidates_nll.begin() + choices + pieces);
      detail.split_tokens.assign(scores.candidates_tokens.begin() + choices,
                                 scores.candidates_tokens.begin() + choices + pieces);
      detail.prompt_positions = scores.prompt_positions;
      detail.padding_tokens = scores.candidates_tokens.back();
    }
    const int best = IconVqaBestChoice(record.candidates_nll);
    record.output = best < 0 ? "" : requests[i].candidates[static_cast<std::size_t>(best)];
    records.push_back(std::move(record));
  }
  return records;
}

uint64_t ModelPredictionSource::ImageKey(std::size_t index) const { return first_key_ + index; }

Status ModelPredictionSource::Resample(const PlannedEntry& entry, std::span<const PendingSample> batch,
                                       std::vector<PredictionRecord>& records) {
  auto resampler = RecResampler::Create(entry.prompt, entry.identifier);
  if (!resampler) return resampler.error();
  std::vector<std::string> task_texts;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    task_texts.push_back(batch[i].task_text);
    records[i].attempts = 0;
  }
  for (int round = 1; round <= kRecResampleRounds; ++round) {
    std::vector<std::size_t> rejected;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!RecOutputIsWellFormed(CleanAnswer(AnswerCleanup::kRecCompact, records[i].output)))
        rejected.push_back(i);
    }
    if (rejected.empty()) return {};
    std::vector<GenerateRequest> requests;
    for (const std::size_t i : rejected) {
      auto fields = batch[i].sample->fields;
      fields["sent"] = resampler->NextSent(task_texts[i]);
      auto text = RenderTaskText(entry.prompt, entry.identifier, fields);
      if (!text) return text.error();
      task_texts[i] = *text;
      GenerateRequest request{&batch[i].image, *text, entry.model.Wrap(*text),
                              entry.task.generation.max_new_tokens};
      request.image_key = ImageKey(i);  // the image of the first pass: its embeddings are reused
      requests.push_back(std::move(request));
    }
    auto results = backend_.Generate(requests);
    if (!results) return results.error();
    for (std::size_t k = 0; k < rejected.size(); ++k) {
      PredictionRecord& record = records[rejected[k]];
      record = FromGeneration(batch[rejected[k]], requests[k].prompt, (*results)[k]);
      record.attempts = round;
    }
  }
  return {};
}

}  // namespace vleval
