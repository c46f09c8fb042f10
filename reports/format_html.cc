// HTML report: one self-contained page (inline CSS and SVG, no scripts, no
// network) with the paper's tables, a run-vs-paper bar chart per table,
// per-entry breakdowns (answer types, REC accuracy by IoU threshold), the
// history trend when one is attached, and a browser of wrong answers.
#include <sstream>

#include "reports/html_charts.h"
#include "reports/number_format.h"
#include "reports/report_format.h"

namespace vleval {
namespace {

constexpr const char* kRunColor = "#4e79a7";
constexpr const char* kPaperColor = "#f28e2b";

constexpr const char* kStyle = R"css(
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1200px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; } h3 { font-size: 14px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid #ccc; padding: 4px 8px; text-align: right; vertical-align: top; }
th:first-child, td:first-child, table.samples th { text-align: left; }
td .paper { color: #777; font-size: 11px; } .better { color: #1a7f37; } .worse { color: #c62828; }
.meta, .note { color: #555; font-size: 13px; }
table.samples td { text-align: left; max-width: 420px; word-break: break-word; font-family: monospace; font-size: 12px; }
.chart { display: inline-block; margin: 4px 12px 4px 0; }
details { margin: 6px 0; } summary { cursor: pointer; font-weight: bold; }
)css";

std::string CellHtml(const TableCell& cell, bool lower_is_better) {
  std::string html = cell.run ? Fixed(*cell.run) : "&ndash;";
  if (cell.paper) html += "<br><span class=\"paper\">paper " + Shortest(*cell.paper) + "</span>";
  if (auto difference = cell.Difference()) {
    const bool better = lower_is_better ? *difference < 0 : *difference > 0;
    const bool worse = lower_is_better ? *difference > 0 : *difference < 0;
    html += " <span class=\"" +
            std::string(better  ? "better"
                        : worse ? "worse"
                                : "paper") +
            "\">" + Signed(*difference) + "</span>";
  }
  if (cell.p_value) html += "<br><span class=\"paper\">p " + PValueText(*cell.p_value) + "</span>";
  if (cell.ci_low && cell.ci_high) {
    html += "<br><span class=\"paper\">95% CI [" + Signed(*cell.ci_low) + ", " + Signed(*cell.ci_high) +
            "]</span>";
  }
  return html;
}

// "long" from "MiniGPT-v2 (long)", "w/o" from "w/o task identifier".
std::string ShortRowLabel(const std::string& label) {
  const auto open = label.find('(');
  if (open != std::string::npos) return label.substr(open + 1, label.find(')', open) - open - 1);
  return label.substr(0, label.find(' '));
}

BarChart TableChart(const ReportTable& table) {
  BarChart chart{table.title + ": run vs paper", {{"run", kRunColor}, {"paper", kPaperColor}}, {}};
  for (const auto& row : table.rows) {
    if (row.label.rfind("delta", 0) == 0) continue;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const TableCell& cell = row.cells[c];
      if (!cell.run && !cell.paper) continue;
      std::string label = table.FullColumnLabel(c);
      if (table.rows.size() > 1) label += " " + ShortRowLabel(row.label);
      chart.groups.push_back({label, {cell.run, cell.paper}});
    }
  }
  return chart;
}

void Table(std::ostream& out, const ReportTable& table) {
  out << "<section id=\"" << table.id << "\"><h2>" << HtmlEscape(table.title) << "</h2><table><tr><th></th>";
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    out << "<th>" << HtmlEscape(table.FullColumnLabel(c)) << "</th>";
  out << "</tr>\n";
  for (const auto& row : table.rows) {
    out << "<tr><td>" << HtmlEscape(row.label) << "</td>";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      out << "<td>" << CellHtml(row.cells[c], table.lower_is_better[c]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
  for (const auto& note : table.notes) out << "<p class=\"note\">" << HtmlEscape(note) << "</p>\n";
  out << BarChartSvg(TableChart(table)) << "\n</section>\n";
}

void Breakdowns(std::ostream& out, const RunResults& run) {
  std::ostringstream charts;
  for (const auto& [name, entry] : run.entries) {
    BarChart thresholds{name + ": accuracy by IoU threshold", {{"run", kRunColor}}, {}};
    for (const char* key : {"acc@0.3", "acc@0.5", "acc@0.7", "acc@0.9", "miou"}) {
      if (auto it = entry.metrics.find(key); it != entry.metrics.end()) {
        thresholds.groups.push_back({key, {it->second}});
      }
    }
    if (thresholds.groups.size() > 1) charts << BarChartSvg(thresholds) << "\n";
    for (const auto& [group, values] : entry.breakdown) {
      BarChart chart{name + ": by " + group, {{"run", kRunColor}}, {}};
      for (const auto& [label, value] : values) chart.groups.push_back({label, {value}});
      charts << BarChartSvg(chart) << "\n";
    }
  }
  if (charts.str().empty()) return;
  out << "<section id=\"breakdowns\"><h2>Per-task breakdowns</h2>\n" << charts.str() << "</section>\n";
}

void History(std::ostream& out, const std::vector<EntryTrend>& history) {
  if (history.empty()) return;
  out << "<section id=\"history\"><h2>History</h2>\n";
  for (const auto& trend : history) out << TrendChartSvg(trend) << "\n";
  out << "</section>\n";
}

void Samples(std::ostream& out, const std::vector<EntrySamples>& samples) {
  if (samples.empty()) return;
  out << "<section id=\"samples\"><h2>Wrong answers</h2>\n<p class=\"note\">Samples scored below full marks, "
         "in sample order, with the prompt, the model's output and the reference.</p>\n";
  for (const auto& entry : samples) {
    // The first entry starts open so the browser is visible at a glance.
    out << (&entry == &samples.front() ? "<details open><summary>" : "<details><summary>")
        << HtmlEscape(entry.entry) << ": " << entry.wrong << " of " << entry.total << " below full marks";
    if (entry.shown.size() < static_cast<std::size_t>(entry.wrong))
      out << " (first " << entry.shown.size() << " shown)";
    out << "</summary>\n<table class=\"samples\"><tr><th>id</th><th>score</th><th>prompt</th><th>output</th>"
           "<th>reference</th></tr>\n";
    for (const auto& s : entry.shown) {
      out << "<tr><td>" << HtmlEscape(s.id) << "</td><td>" << Fixed(s.score) << "</td><td>"
          << HtmlEscape(s.prompt) << "</td><td>" << HtmlEscape(s.output) << "</td><td>"
          << HtmlEscape(s.reference) << "</td></tr>\n";
    }
    out << "</table></details>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string RenderHtml(const ReportInput& input) {
  const RunResults& run = input.results;
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<link rel=\"icon\" href=\"data:,\">\n<title>vleval report: " << HtmlEscape(input.run_label)
      << "</title>\n<style>" << kStyle
      << "</style></head>\n<body>\n<h1>vleval report: " << HtmlEscape(input.run_label)
      << "</h1>\n<p class=\"meta\">harness " << HtmlEscape(run.harness_version) << " &middot; model "
      << HtmlEscape(run.backend)
      << (run.checkpoint.empty() ? "" : " &middot; checkpoint " + HtmlEscape(run.checkpoint))
      << " &middot; suite " << HtmlEscape(run.suite.value_or("(tasks given)")) << " &middot; "
      << run.entries.size() << " entries</p>\n"
      << "<p class=\"note\">Each cell: the run's value, the paper's value, and run &minus; paper "
         "(green: better than the paper, red: worse).</p>\n";
  for (const auto& table : input.tables) Table(out, table);
  Breakdowns(out, run);
  History(out, input.history);
  Samples(out, input.samples);
  out << "</body></html>\n";
  return out.str();
}

}  // namespace vleval
