// `vleval report RUN`: the run's results laid out like the paper's tables, in
// one of the report formats (md, csv, tex, html), optionally recorded in the
// run history first and with the history's trend in the HTML page.
#include <fstream>
#include <iostream>

#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "reports/report_format.h"

namespace vleval::cli {
namespace {

std::string FormatHelp() {
  std::string help = "report format:";
  for (const auto& name : ReportFormats().Names())
    help += " " + name + " (" + (*ReportFormats().Find(name))->description + ");";
  return help;
}

int Report(const std::vector<std::string>& args) {
  po::options_description options("vleval report options");
  std::string run_dir, format = "md", out_path, configs, db;
  std::size_t max_wrong = 25;
  const std::string format_help = FormatHelp();
  std::vector<std::string> table5;
  options.add_options()("run", po::value(&run_dir), "run folder (holds results.json)")(
      "table5", po::value(&table5)->multitoken(),
      "RUN_WITH RUN_WITHOUT: the paper's Table 5 from two runs (checkpoints trained with and without "
      "task identifiers, each with its own prompts), with McNemar p and paired bootstrap intervals")(
      "format", po::value(&format), format_help.c_str())("out", po::value(&out_path),
                                                         "write the report to FILE instead of stdout")(
      "configs", po::value(&configs), "configs folder (for the paper's numbers)")(
      "db", po::value(&db),
      "run history file; the HTML report plots its trend (default with --record: "
      "$XDG_DATA_HOME/vleval/history.sqlite)")("record", "record the run in the history before reporting")(
      "max-wrong", po::value(&max_wrong), "wrong answers listed per entry in the HTML sample browser (25)");
  po::positional_options_description positional;
  positional.add("run", 1);
  po::variables_map values;
  if (auto stop = ParseCommandOptions(
          "report",
          "vleval report RUN [--format md|csv|tex|html] [--out FILE] [--record] [--db FILE]\n"
          "       vleval report --table5 RUN_WITH RUN_WITHOUT [--format md|csv|tex|html] [--out FILE]",
          options, positional, args, values, std::cout, std::cerr))
    return *stop;
  const bool two_runs = values.count("table5") != 0;
  if (two_runs ? table5.size() != 2 || !run_dir.empty() : run_dir.empty()) {
    std::cerr << "vleval report: give one RUN, or --table5 RUN_WITH RUN_WITHOUT\n";
    return kExitUsage;
  }
  if (two_runs && (values.count("record") != 0 || !db.empty())) {
    std::cerr << "vleval report: --record and --db take one RUN, not --table5\n";
    return kExitUsage;
  }
  auto renderer = ReportFormats().Find(format);
  if (!renderer) {
    std::cerr << "vleval report: " << renderer.error().message << "\n";
    return kExitUsage;
  }
  auto fail = [](const std::string& message) { return CommandFailure("report", message); };
  auto config_dir = FindConfigDir(configs);
  if (!config_dir) return fail(config_dir.error().message);
  auto paper = PaperReference::Load(*config_dir / "reference" / "minigptv2-paper.json");
  if (!paper) return fail(paper.error().message);
  auto write = [&](const std::string& text) {
    if (out_path.empty()) {
      std::cout << text;
      return kExitOk;
    }
    std::ofstream out(out_path, std::ios::binary);
    out << text;
    if (!out.flush()) return fail(out_path + ": cannot write");
    return kExitOk;
  };
  if (two_runs) {
    auto with = RunFolder::Open(table5[0]);
    if (!with) return fail(with.error().message);
    auto without = RunFolder::Open(table5[1]);
    if (!without) return fail(without.error().message);
    auto input = BuildTable5Input(*with, *without, *paper);
    if (!input) return fail(input.error().message);
    return write((*renderer)->render(*input));
  }
  auto run = RunFolder::Open(run_dir);
  if (!run) return fail(run.error().message);
  const bool record = values.count("record") != 0;
  const std::filesystem::path db_path = db.empty() ? DefaultHistoryPath() : std::filesystem::path(db);
  if (record) {
    auto recorded = RecordRunNow(*run, db_path);
    if (!recorded) return fail(recorded.error().message);
    std::cerr << "vleval report: " << (recorded->already_recorded ? "already recorded" : "recorded")
              << " as run " << recorded->run_id << " in " << db_path.string() << "\n";
  }
  auto input = BuildReportInput(*run, *paper, max_wrong);
  if (!input) return fail(input.error().message);
  if (record || !db.empty()) {
    auto history = RunHistory::Open(db_path);
    if (!history) return fail(history.error().message);
    auto trend = history->Trend();
    if (!trend) return fail(trend.error().message);
    for (auto& entry : *trend) {
      if (input->results.Find(entry.entry) != nullptr) input->history.push_back(std::move(entry));
    }
  }
  return write((*renderer)->render(*input));
}

}  // namespace

Command ReportCommand() { return {"report", "lay a run's results out like the paper's tables", Report}; }

}  // namespace vleval::cli
