// One `vleval run` (or one shard of it) from a plan and a prediction
// source: checks the run folder describes the same run (resume), runs the
// shard, marks it done, and when every shard is done finishes the run
// (run_finish.h); unsharded, each entry is scored on a TBB task while the
// next entry runs on the model. `vleval merge` calls MergeRun. Both are what the commands
// do, minus option parsing, so tests drive them with a fake model.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "harness/run/prediction_source.h"
#include "harness/run/run_description.h"
#include "harness/run/run_plan.h"
#include "harness/run/run_progress.h"
#include "harness/run/run_shard.h"

namespace vleval {

struct RunSettings {
  std::filesystem::path out;         // RUN folder (created)
  std::filesystem::path config_dir;  // configs (for the reports)
  ShardSpec shard;                   // count must equal the description's shard_count
  int threads = 0;                   // image and scoring threads (0 = all)
  std::filesystem::path history_db;  // empty = no history record
  // The backend's runtime (libraries, devices) for run.json's "runtime";
  // empty or a null result: none recorded. Called once, when the run finishes.
  std::function<Result<nlohmann::json>()> runtime;
};

struct RunOutcome {
  bool finished = false;               // results.json and reports written
  std::vector<int> unfinished_shards;  // when not finished
  std::string report_markdown;         // when finished
};

Result<RunOutcome> ExecuteRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                              PredictionSource& source, const RunSettings& settings, RunProgress& progress);

// Finishes a sharded run whose shards are all done; an error lists the
// unfinished shards.
Result<RunOutcome> MergeRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                            const RunSettings& settings);

}  // namespace vleval
