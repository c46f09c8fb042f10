// Markdown report: readable in a terminal and rendered by GitHub.
#include <sstream>

#include "reports/number_format.h"
#include "reports/report_format.h"

namespace vleval {
namespace {

// "51.83 (56.9, -5.07)"; "51.83 (-)" when the paper has no value;
// "- (56.9)" when not run; a p-value is appended as " p=0.003", a bootstrap
// interval as " CI [-1.20, +0.40]".
std::string CellText(const TableCell& cell) {
  std::string text;
  if (cell.run && cell.paper) {
    text = Fixed(*cell.run) + " (" + Shortest(*cell.paper) + ", " + Signed(*cell.Difference()) + ")";
  } else if (cell.run) {
    text = Fixed(*cell.run) + " (-)";
  } else if (cell.paper) {
    text = "- (" + Shortest(*cell.paper) + ")";
  }
  if (cell.p_value) text += " p=" + PValueText(*cell.p_value);
  if (cell.ci_low && cell.ci_high)
    text += " CI [" + Signed(*cell.ci_low) + ", " + Signed(*cell.ci_high) + "]";
  return text;
}

void Table(std::ostream& out, const ReportTable& table) {
  out << "## " << table.title << "\n\n| |";
  for (std::size_t c = 0; c < table.columns.size(); ++c) out << " " << table.FullColumnLabel(c) << " |";
  out << "\n|:--|";
  for (std::size_t c = 0; c < table.columns.size(); ++c) out << "--:|";
  out << "\n";
  for (const auto& row : table.rows) {
    out << "| " << row.label << " |";
    for (const auto& cell : row.cells) out << " " << CellText(cell) << " |";
    out << "\n";
  }
  out << "\n";
  for (const auto& note : table.notes) out << note << "\n";
  out << "\n";
}

std::string JoinMetrics(const std::map<std::string, double>& values) {
  std::string text;
  for (const auto& [key, value] : values) text += (text.empty() ? "" : ", ") + key + " " + Fixed(value);
  return text;
}

}  // namespace

std::string RenderMarkdown(const ReportInput& input) {
  std::ostringstream out;
  const RunResults& run = input.results;
  out << "# vleval report: " << input.run_label << "\n\n"
      << "- harness: " << run.harness_version << "\n"
      << "- model: " << run.backend << (run.checkpoint.empty() ? "" : ", checkpoint " + run.checkpoint)
      << "\n"
      << "- suite: " << run.suite.value_or("(tasks given)") << "\n"
      << "- entries: " << run.entries.size() << "\n\n"
      << "Each cell: run value (paper value, run - paper); \"-\" where a value is missing.\n\n";
  for (const auto& table : input.tables) Table(out, table);
  out << "## Entries\n\n| Entry | Metric | Dialect | n | Failures | Values |\n|:--|:--|:--|--:|--:|:--|\n";
  for (const auto& [name, entry] : run.entries) {
    out << "| " << name << " | " << entry.metric << " | " << entry.dialect << " | " << entry.n << " | "
        << entry.failures << " | " << JoinMetrics(entry.metrics) << " |\n";
  }
  bool header = false;
  for (const auto& [name, entry] : run.entries) {
    for (const auto& [group, values] : entry.breakdown) {
      if (!header) out << "\n## Breakdowns\n\n| Entry | Group | Values |\n|:--|:--|:--|\n";
      header = true;
      out << "| " << name << " | " << group << " | " << JoinMetrics(values) << " |\n";
    }
  }
  return out.str();
}

}  // namespace vleval
