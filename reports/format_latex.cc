// LaTeX report: one booktabs table environment per paper table, ready to
// \input into a paper (needs \usepackage{booktabs}). Each cell prints the run
// value with the paper's value and the difference in small type below-right.
#include <sstream>

#include "reports/number_format.h"
#include "reports/report_format.h"

namespace vleval {
namespace {

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '\\':
        out += "\\textbackslash{}";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A number with a typeset minus sign.
std::string Math(const std::string& number) {
  return number.front() == '-' ? "$-$" + number.substr(1) : number;
}

std::string CellText(const TableCell& cell) {
  std::string text;
  if (cell.run)
    text = Math(Fixed(*cell.run));
  else
    text = "--";
  if (cell.paper || cell.p_value) {
    text += " {\\scriptsize(";
    if (cell.paper)
      text += Math(Shortest(*cell.paper));
    else
      text += "--";
    if (auto difference = cell.Difference()) text += ", " + Math(Signed(*difference));
    if (cell.p_value) text += "; $p$=" + Math(PValueText(*cell.p_value));
    if (cell.ci_low && cell.ci_high)
      text += "; CI " + Math("[" + Signed(*cell.ci_low) + ", " + Signed(*cell.ci_high) + "]");
    text += ")}";
  }
  return text;
}

void Table(std::ostream& out, const ReportTable& table) {
  out << "\\begin{table}[t]\n\\centering\n\\caption{" << Escape(table.title)
      << ". Each cell: this run (paper, run $-$ paper).}\n\\label{tab:vleval-" << table.id << "}\n"
      << "\\begin{tabular}{l" << std::string(table.columns.size(), 'r') << "}\n\\toprule\n";
  if (!table.column_groups.empty()) {
    std::string rules;
    std::size_t first = 2;
    for (const auto& group : table.column_groups) {
      const std::size_t last = first + static_cast<std::size_t>(group.span) - 1;
      if (group.label.empty()) {
        for (int i = 0; i < group.span; ++i) out << " &";
        first = last + 1;
        continue;
      }
      out << " & ";
      out << "\\multicolumn{" << group.span << "}{c}{" << Escape(group.label) << "}";
      rules += "\\cmidrule(lr){" + std::to_string(first) + "-" + std::to_string(last) + "}";
      first = last + 1;
    }
    out << " \\\\\n" << rules << "\n";
  }
  for (const auto& label : table.column_labels) out << " & " << Escape(label);
  out << " \\\\\n\\midrule\n";
  for (const auto& row : table.rows) {
    out << Escape(row.label);
    for (const auto& cell : row.cells) out << " & " << CellText(cell);
    out << " \\\\\n";
  }
  out << "\\bottomrule\n\\end{tabular}\n";
  for (const auto& note : table.notes) out << "% " << note << "\n";
  out << "\\end{table}\n\n";
}

}  // namespace

std::string RenderLatex(const ReportInput& input) {
  std::ostringstream out;
  out << "% vleval report: " << input.run_label << " (harness " << input.results.harness_version << ")\n"
      << "% Requires \\usepackage{booktabs}.\n\n";
  for (const auto& table : input.tables) Table(out, table);
  return out.str();
}

}  // namespace vleval
