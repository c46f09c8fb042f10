// The end of a run, for an unsharded run or once every shard is done
// (`vleval merge`, or the last shard itself): the shards' predictions are
// combined into RUN/predictions/<entry>.jsonl in sample order, scored into
// RUN/per_sample/<entry>.jsonl, RUN/results.json (canonical) and
// RUN/run.json; then the reports (RUN/report.md, RUN/report.html) and
// optionally a run history record. The same predictions give the same bytes
// whatever the shard count.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "harness/run/entry_scoring.h"
#include "harness/run/run_description.h"
#include "harness/run/run_plan.h"
#include "harness/run/run_shard.h"

namespace vleval {

// Where shard `shard` of a run in `run_dir` writes its predictions:
// RUN/predictions for an unsharded run, else RUN/shards/<i>-of-<N>/predictions.
std::filesystem::path ShardPredictionsDir(const std::filesystem::path& run_dir, const ShardSpec& shard);

// Marks the shard done (RUN/shards/<i>-of-<N>/complete); true when now every
// shard of the run is done.
Result<bool> MarkShardComplete(const std::filesystem::path& run_dir, const ShardSpec& shard);

// Which shards of a `count`-shard run are not done yet (empty = all done).
std::vector<int> UnfinishedShards(const std::filesystem::path& run_dir, int count);

struct FinishOptions {
  std::filesystem::path run_dir;
  std::filesystem::path config_dir;  // for the paper's numbers in the report
  int threads = 0;                   // scoring threads (0 = all)
  nlohmann::json run_info;           // run.json content: times, host, versions
  std::filesystem::path history_db;  // empty = do not record
};

// One entry's share of the finish: its shards' records combined into
// RUN/predictions/<entry>.jsonl (sample order), scored, RUN/per_sample/
// <entry>.jsonl written, its data files digested. Errors: a sample without a
// prediction in any shard (naming the entry, the sample and the files read),
// a corrupted predictions line, scoring or writing errors. Entries are
// independent: distinct entries may be finished concurrently.
struct FinishedEntry {
  EntryScore score;
  nlohmann::json data_files;  // data manifest "files" of the entry
};
Result<FinishedEntry> FinishEntry(const RunDescription& description, const PlannedEntry& entry,
                                  const std::filesystem::path& run_dir, int threads);

// Finishes every entry not in `finished` (by plan index; e.g. those scored
// while later entries ran), then writes results.json, run.json and the
// reports. Returns the Markdown report.
Result<std::string> FinishRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                              const FinishOptions& options,
                              std::vector<std::optional<Result<FinishedEntry>>> finished = {});

}  // namespace vleval
