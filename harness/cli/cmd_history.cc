// `vleval history`: the trend of recorded runs per entry (all, or one task's),
// from the SQLite run history; --record RUN adds a run first.
#include <iostream>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "reports/run_history.h"

namespace vleval::cli {
namespace {

int History(const std::vector<std::string>& args) {
  po::options_description options("vleval history options");
  std::string task, db;
  std::vector<std::string> record;
  options.add_options()("task", po::value(&task), "only this task (or exact entry name, e.g. okvqa@none)")(
      "db", po::value(&db),
      "history file (default: $XDG_DATA_HOME/vleval/history.sqlite, "
      "else ~/.local/share/vleval/history.sqlite)")("record", po::value(&record)->composing(),
                                                    "record run folder RUN first (repeatable)");
  po::variables_map values;
  if (auto stop = ParseCommandOptions("history", "vleval history [--task T] [--db FILE] [--record RUN]",
                                      options, {}, args, values, std::cout, std::cerr))
    return *stop;
  auto fail = [](const std::string& message) { return CommandFailure("history", message); };
  const std::filesystem::path db_path = db.empty() ? DefaultHistoryPath() : std::filesystem::path(db);
  if (record.empty() && !std::filesystem::exists(db_path)) {
    return fail("no run history at " + db_path.string() + " (add a run with --record RUN)");
  }
  auto history = RunHistory::Open(db_path);
  if (!history) return fail(history.error().message);
  for (const auto& dir : record) {
    auto run = RunFolder::Open(dir);
    if (!run) return fail(run.error().message);
    auto recorded = history->Record(*run, UtcNow());
    if (!recorded) return fail(recorded.error().message);
    std::cerr << "vleval history: " << dir
              << (recorded->already_recorded ? " was already recorded" : " recorded") << " as run "
              << recorded->run_id << "\n";
  }
  auto trend = history->Trend(task.empty() ? std::nullopt : std::optional<std::string>(task));
  if (!trend) return fail(trend.error().message);
  if (trend->empty()) {
    std::cout << (task.empty() ? "no recorded runs" : "no recorded runs of " + task) << " in "
              << db_path.string() << "\n";
    return kExitOk;
  }
  std::cout << FormatTrend(*trend);
  return kExitOk;
}

}  // namespace

Command HistoryCommand() { return {"history", "show the trend of recorded runs", History}; }

}  // namespace vleval::cli
