// The `replay` backend: predictions made elsewhere, looked up by sample id,
// so a run can be rescored (another dialect, another metric version) without
// a model. The source is either a run folder (its predictions/<entry>.jsonl
// per entry) or one predictions file used for every entry (a harness JSONL
// or the OK-VQA answer file of the MiniGPT-v2 scripts). Images are not read.
#pragma once

#include <filesystem>
#include <map>

#include "harness/predictions_file.h"
#include "harness/run/prediction_source.h"

namespace vleval {

class ReplayPredictionSource : public PredictionSource {
 public:
  // Errors: `source` does not exist.
  static Result<ReplayPredictionSource> Open(const std::filesystem::path& source);

  bool needs_images() const override { return false; }
  // A sample without a replayed prediction is an error naming the sample,
  // the entry and the file. The replayed prompt is kept when the file has one.
  Result<std::vector<PredictionRecord>> Predict(const PlannedEntry& entry,
                                                std::span<const PendingSample> batch) override;

 private:
  explicit ReplayPredictionSource(std::filesystem::path source) : source_(std::move(source)) {}
  Result<const PredictionsFile*> FileFor(const std::string& entry);

  std::filesystem::path source_;
  std::map<std::string, PredictionsFile> files_;  // by entry, read on first use
};

}  // namespace vleval
