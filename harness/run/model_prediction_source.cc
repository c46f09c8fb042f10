#include "harness/run/model_prediction_source.h"

#include <cmath>

#include "benchmarks/rec_resampling.h"

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
  if (entry.task.loader == "iconvqa") return RankChoices(entry, batch);
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
  // HM's p_yes comes from the first step of the same pass.
  const bool yes_probability = entry.task.loader == "hm";
  std::vector<GenerateRequest> requests;
  requests.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    GenerateRequest request{&batch[i].image, batch[i].prompt, entry.task.generation.max_new_tokens};
    if (yes_probability) request.first_token_texts = {"yes"};
    request.image_key = ImageKey(i);
    requests.push_back(std::move(request));
  }
  auto results = backend_.Generate(requests);
  if (!results) return BatchError(entry, results.error());
  std::vector<PredictionRecord> records;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    records.push_back(FromGeneration(batch[i], batch[i].prompt, (*results)[i]));
    if (yes_probability) {
      if ((*results)[i].first_token_logprob.empty())
        return BatchError(entry, Error{"the backend returned no first-token probability of \"yes\""});
      records.back().p_yes = std::exp((*results)[i].first_token_logprob.front());
    }
  }
  return records;
}

Result<std::vector<PredictionRecord>> ModelPredictionSource::RankChoices(
    const PlannedEntry& entry, std::span<const PendingSample> batch) {
  std::vector<ScoreRequest> requests;
  for (const auto& pending : batch) {
    const auto& choices = pending.sample->references.at("choices");
    requests.push_back({&pending.image, pending.prompt, choices.get<std::vector<std::string>>()});
  }
  auto results = backend_.ScoreCandidates(requests);
  if (!results) return BatchError(entry, results.error());
  std::vector<PredictionRecord> records;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    PredictionRecord record;
    record.id = batch[i].sample->id;
    record.prompt = batch[i].prompt;
    record.candidates_nll = (*results)[i].candidates_nll;
    std::size_t best = 0;
    for (std::size_t c = 1; c < record.candidates_nll.size(); ++c) {
      if (record.candidates_nll[c] < record.candidates_nll[best]) best = c;
    }
    record.output = requests[i].candidates.empty() ? "" : requests[i].candidates[best];
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
      GenerateRequest request{&batch[i].image, WrapConversation(entry.task.conversation, *text),
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
