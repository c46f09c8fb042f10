// `vleval merge RUN`: finish a sharded run once every shard is done (the
// last shard does this by itself; merge is for when it could not, or to
// rescore a finished run's predictions again).
#include <iostream>

#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/run/run_driver.h"
#include "reports/run_history.h"

namespace vleval::cli {
namespace {

int Merge(const std::vector<std::string>& args) {
  po::options_description options("vleval merge options");
  std::string run_dir, configs, db;
  int threads = 0;
  options.add_options()("run", po::value(&run_dir)->required(), "run folder (holds run_request.json)")(
      "threads", po::value(&threads), "scoring threads (0 = all cores)")(
      "no-history", "do not record the run in the run history")(
      "db", po::value(&db), "run history file (default: $XDG_DATA_HOME/vleval/history.sqlite)")(
      "quiet", "do not print the report")("configs", po::value(&configs), "configs folder");
  po::positional_options_description positional;
  positional.add("run", 1);
  po::variables_map values;
  if (auto stop = ParseCommandOptions("merge", "vleval merge RUN", options, positional, args, values,
                                      std::cout, std::cerr))
    return *stop;
  if (auto bad = CheckRange("merge", "threads", threads, 0, MaxThreadsOption())) return *bad;
  auto fail = [](const std::string& message) { return CommandFailure("merge", message); };
  auto description = ReadRunDescription(run_dir);
  if (!description) return fail(description.error().message);
  auto config_dir = FindConfigDir(configs);
  if (!config_dir) return fail(config_dir.error().message);
  auto catalog = TaskCatalog::Load(*config_dir);
  if (!catalog) return fail(catalog.error().message);
  auto plan = PlanRun(*catalog, description->request);
  if (!plan) return fail(plan.error().message);
  RunSettings settings{run_dir, *config_dir, {0, description->shard_count}, threads, {}, {}};
  if (values.count("no-history") == 0)
    settings.history_db = db.empty() ? DefaultHistoryPath() : std::filesystem::path(db);
  auto outcome = MergeRun(*description, *plan, settings);
  if (!outcome) return fail(outcome.error().message);
  if (values.count("quiet") == 0) std::cout << outcome->report_markdown;
  return kExitOk;
}

}  // namespace

Command MergeCommand() { return {"merge", "combine the shards of a run into its results", Merge}; }

}  // namespace vleval::cli
