// Where a run's predictions come from: a model (model_prediction_source.h)
// or the predictions of an earlier run or of the official scripts
// (replay_prediction_source.h). The scheduler hands a source full batches of
// one entry and writes what it returns.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "benchmarks/sample.h"
#include "core/result.h"
#include "harness/run/prediction_record.h"
#include "harness/run/run_plan.h"
#include "model/backend.h"

namespace vleval {

// A sample waiting for its prediction. `image` is empty when the source
// needs no images (needs_images() false).
struct PendingSample {
  std::size_t position = 0;  // index into the entry's samples
  const Sample* sample = nullptr;
  std::string task_text;  // the first-pass task text (identifier + filled instruction)
  std::string prompt;     // task_text inside the model's chat template
  ImageInput image;       // as read from the sample's file; the backend prepares it
};

class PredictionSource {
 public:
  virtual ~PredictionSource() = default;
  // True when the source reads the samples' images (a model does; a
  // replay does not).
  virtual bool needs_images() const = 0;
  // True when batches of similar prompt lengths make it faster (a model
  // pads every prompt of a batch to the longest): the scheduler then buckets
  // pending samples by prompt length before cutting batches.
  virtual bool buckets_by_length() const { return false; }
  // Samples per Predict call the source serves best (a served model: its
  // request concurrency); 0 = the task's batch size.
  virtual int preferred_batch_size() const { return 0; }
  // One record per sample of `batch`, in batch order, each carrying the
  // sample's id. Called from one thread at a time. Errors name the entry.
  virtual Result<std::vector<PredictionRecord>> Predict(const PlannedEntry& entry,
                                                        std::span<const PendingSample> batch) = 0;
};

}  // namespace vleval
