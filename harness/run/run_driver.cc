#include "harness/run/run_driver.h"

#include <unistd.h>

#include <tbb/task_group.h>

#include "harness/run/run_finish.h"
#include "harness/run/shard_execution.h"
#include "harness/version.h"
#include "reports/run_history.h"

namespace vleval {
namespace {

std::string HostName() {
  char name[256] = {};
  return ::gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string();
}

Result<RunOutcome> Finish(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                          const RunSettings& settings, nlohmann::json run_info,
                          std::vector<std::optional<Result<FinishedEntry>>> finished = {}) {
  run_info["finished_at"] = UtcNow();
  run_info["host"] = HostName();
  run_info["harness_version"] = kVersion;
  if (settings.runtime) {
    auto runtime = settings.runtime();
    if (!runtime) return runtime.error();
    if (!runtime->is_null()) run_info["runtime"] = std::move(*runtime);
  }
  run_info["threads"] = settings.threads;
  run_info["shards"] = description.shard_count;
  run_info["data_root"] = description.request.data_root.string();
  run_info["allow_outside_paths"] = description.request.allow_outside_paths;
  if (!plan.empty()) {
    const PlannedEntry& first = plan.front();  // every entry has the run's model config
    run_info["model_config"] = {{"name", first.model.name},
                                {"version", first.model.version},
                                {"file", description.request.model_config.empty()
                                             ? nlohmann::json(nullptr)
                                             : nlohmann::json(description.request.model_config.string())},
                                {"chat_template", first.model.chat_template}};
    run_info["box_codec"] = first.box_codec;
  }
  FinishOptions options{settings.out, settings.config_dir, settings.threads, std::move(run_info),
                        settings.history_db};
  auto report = FinishRun(description, plan, options, std::move(finished));
  if (!report) return report.error();
  RunOutcome outcome;
  outcome.finished = true;
  outcome.report_markdown = std::move(*report);
  return outcome;
}

}  // namespace

Result<RunOutcome> ExecuteRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                              PredictionSource& source, const RunSettings& settings, RunProgress& progress) {
  if (settings.shard.count != description.shard_count)
    return Error{"shard count differs from the run description"};
  const std::string started_at = UtcNow();
  std::error_code error;
  std::filesystem::create_directories(settings.out, error);
  if (error) return Error{"cannot create " + settings.out.string() + ": " + error.message()};
  if (auto status = WriteOrCheckRunDescription(settings.out, description); !status)
    return Error{status.message()};
  ShardExecution execution{settings.shard,
                           ShardPredictionsDir(settings.out, settings.shard),
                           settings.threads,
                           description.request.batch_size > 0,
                           {}};
  // Unsharded: each entry is scored while the next one runs on the model.
  std::vector<std::optional<Result<FinishedEntry>>> finished(plan.size());
  tbb::task_group scoring;
  if (settings.shard.count == 1) {
    execution.on_entry_done = [&](std::size_t i) {
      scoring.run(
          [&, i] { finished[i] = FinishEntry(description, plan[i], settings.out, settings.threads); });
    };
  }
  const Status executed = ExecuteShard(plan, source, execution, progress);
  scoring.wait();
  if (!executed) return Error{executed.message()};
  nlohmann::json run_info = {{"started_at", started_at}};
  if (settings.shard.count > 1) {
    auto all_done = MarkShardComplete(settings.out, settings.shard);
    if (!all_done) return all_done.error();
    if (!*all_done) {
      RunOutcome outcome;
      outcome.unfinished_shards = UnfinishedShards(settings.out, settings.shard.count);
      return outcome;
    }
    run_info["merged_by_shard"] = settings.shard.index;
  }
  return Finish(description, plan, settings, std::move(run_info), std::move(finished));
}

Result<RunOutcome> MergeRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                            const RunSettings& settings) {
  const auto unfinished = description.shard_count > 1
                              ? UnfinishedShards(settings.out, description.shard_count)
                              : std::vector<int>{};
  if (!unfinished.empty()) {
    std::string list;
    for (const int index : unfinished)
      list += " " + std::to_string(index) + "/" + std::to_string(description.shard_count);
    return Error{settings.out.string() + ": shards not finished yet:" + list};
  }
  return Finish(description, plan, settings, {{"merged_at", UtcNow()}});
}

}  // namespace vleval
