#include "harness/run/lazy_prediction_source.h"

namespace vleval {

const Result<OpenedBackend>& LazyPredictionSource::Open() const {
  if (!opened_) opened_.emplace(open_());
  return *opened_;
}

bool LazyPredictionSource::needs_images() const {
  const auto& opened = Open();
  return opened && opened->source->needs_images();
}

bool LazyPredictionSource::buckets_by_length() const {
  const auto& opened = Open();
  return opened && opened->source->buckets_by_length();
}

int LazyPredictionSource::preferred_batch_size() const {
  const auto& opened = Open();
  return opened ? opened->source->preferred_batch_size() : 0;
}

Result<std::vector<PredictionRecord>> LazyPredictionSource::Predict(const PlannedEntry& entry,
                                                                    std::span<const PendingSample> batch) {
  const auto& opened = Open();
  if (!opened) return opened.error();
  return opened->source->Predict(entry, batch);
}

}  // namespace vleval
