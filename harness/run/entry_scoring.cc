#include "harness/run/entry_scoring.h"

#include "harness/task_scoring.h"

namespace vleval {

Result<EntryScore> ScoreEntry(const PlannedEntry& entry, const std::vector<PredictionRecord>& records,
                              const std::filesystem::path& data_root, int threads) {
  ScoringOptions options;
  options.max_threads = threads;
  options.box_codec = entry.box_codec;
  auto family = FindTaskFamily(entry.task, data_root);
  if (!family) return Error{entry.name + ": " + family.error().message};
  EntryScore score;
  std::vector<const PredictionRecord*> predictions;
  predictions.reserve(records.size());
  for (const PredictionRecord& record : records) {
    predictions.push_back(&record);
    if (record.output.empty() && record.candidates_nll.empty()) ++score.failures;
    if (record.attempts.value_or(0) > 0) ++score.resampled;
  }
  auto report = ScoreSamples(entry.task, data_root, entry.dialect, entry.loaded.samples, predictions, options,
                             entry.name, nullptr);
  if (!report) return Error{entry.name + ": " + report.error().message};
  score.report = std::move(*report);
  for (std::size_t i = 0; i < records.size(); ++i) {
    nlohmann::json line = {{"id", records[i].id}, {"score", score.report.per_sample.at(i)}};
    const std::string reference =
        ReferenceText(family->entry->reference_text, entry.loaded.samples[i].references);
    if (!reference.empty()) line["reference"] = reference;
    score.per_sample_lines.push_back(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return score;
}

}  // namespace vleval
