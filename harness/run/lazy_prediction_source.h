// A PredictionSource that opens the real one (the model: minutes for the 7B
// one) on first use, so that resuming a run whose every entry is finished
// does not load the model at all. Not thread-safe, like every source (the
// scheduler calls it from one thread).
#pragma once

#include <functional>
#include <optional>

#include "harness/run/prediction_source.h"
#include "harness/run/run_backend.h"

namespace vleval {

class LazyPredictionSource : public PredictionSource {
 public:
  explicit LazyPredictionSource(std::function<Result<OpenedBackend>()> open) : open_(std::move(open)) {}

  // Opens the source. If opening fails, false (so the scheduler sends a
  // batch without images) and Predict returns the error.
  bool needs_images() const override;
  // The real source's answer (opening it).
  bool buckets_by_length() const override;
  int preferred_batch_size() const override;
  Result<std::vector<PredictionRecord>> Predict(const PlannedEntry& entry,
                                                std::span<const PendingSample> batch) override;

  // True once the real source was opened (successfully or not).
  bool opened() const { return opened_.has_value(); }

 private:
  const Result<OpenedBackend>& Open() const;

  std::function<Result<OpenedBackend>()> open_;
  mutable std::optional<Result<OpenedBackend>> opened_;
};

}  // namespace vleval
