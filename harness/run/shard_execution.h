// The scheduler of one shard of a run: for every entry, the samples the
// shard owns that its predictions file does not hold yet go through a TBB
// pipeline (decode + resize + normalise on worker threads, at most two
// batches of images alive) into full batches for the prediction source; each
// batch's records are appended to the file as soon as it returns, so a kill
// loses at most the batch in flight. Re-running resumes where it stopped.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "core/result.h"
#include "harness/run/prediction_source.h"
#include "harness/run/run_plan.h"
#include "harness/run/run_progress.h"
#include "harness/run/run_shard.h"

namespace vleval {

struct ShardExecution {
  ShardSpec shard;
  std::filesystem::path predictions_dir;  // <entry>.jsonl files are written here
  int threads = 0;                        // image workers; 0 = TBB's default
  // True when --batch-size was given: the entries' batch size stands.
  // Otherwise a source's preferred_batch_size() (when nonzero) replaces the
  // task's. Results do not depend on it.
  bool batch_size_given = false;
  // Called (on the calling thread) when entry `plan_index` has all its
  // shard's predictions on disk, e.g. to score it while the next one runs.
  std::function<void(std::size_t plan_index)> on_entry_done;
};

// Runs every entry of `plan` for the shard. Errors (a missing image, a model
// error, a full disk, a predictions file from another run) stop the run and
// name the entry and sample; batches finished before stay on disk.
Status ExecuteShard(const std::vector<PlannedEntry>& plan, PredictionSource& source,
                    const ShardExecution& execution, RunProgress& progress);

}  // namespace vleval
