#include "harness/run/replay_prediction_source.h"

#include "core/sample_id.h"

namespace vleval {

Result<ReplayPredictionSource> ReplayPredictionSource::Open(const std::filesystem::path& source) {
  std::error_code error;
  if (!std::filesystem::exists(source, error))
    return Error{"--replay " + source.string() + ": no such file or folder"};
  return ReplayPredictionSource(source);
}

Result<const PredictionsFile*> ReplayPredictionSource::FileFor(const std::string& entry) {
  const std::string key = std::filesystem::is_directory(source_) ? entry : "";
  if (auto it = files_.find(key); it != files_.end()) return &it->second;
  const auto path = key.empty() ? source_ : source_ / "predictions" / (entry + ".jsonl");
  auto file = ReadPredictionsFile(path);
  if (!file) return Error{"replay: " + file.error().message};
  return &files_.emplace(key, std::move(*file)).first->second;
}

Result<std::vector<PredictionRecord>> ReplayPredictionSource::Predict(const PlannedEntry& entry,
                                                                      std::span<const PendingSample> batch) {
  auto file = FileFor(entry.name);
  if (!file) return file.error();
  std::vector<PredictionRecord> records;
  records.reserve(batch.size());
  for (const auto& pending : batch) {
    const std::string id = SampleIdText(pending.sample->id);
    const auto found = (*file)->index_by_id.find(id);
    if (found == (*file)->index_by_id.end()) {
      return Error{"replay: " + (*file)->path.string() + " has no prediction for sample " + id + " of " +
                   entry.name};
    }
    PredictionRecord record = (*file)->predictions[found->second];
    record.id = pending.sample->id;  // the sample's id as the task writes it
    if (record.prompt.empty()) record.prompt = pending.prompt;
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace vleval
