// CSV report: one row per value, for spreadsheets and scripts. Columns:
// section,row,column,run,paper,difference,p_value. Sections: the table ids
// (cells of the paper's tables), "metrics" (every metric of every entry) and
// "breakdown:<group>". Numbers are written in shortest round-trip form,
// p-values with six significant digits.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "reports/number_format.h"
#include "reports/report_format.h"

namespace vleval {
namespace {

std::string Field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Number(const std::optional<double>& value) {
  if (!value) return "";
  // Differences are rounded to 1e-6 so that 51.83 - 56.9 prints as -5.07.
  return Shortest(std::round(*value * 1e6) / 1e6 + 0.0);
}

// Six significant digits: the last bits of a p-value depend on libm.
std::string PValue(double p) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", p);
  return text;
}

void Line(std::ostream& out, const std::string& section, const std::string& row, const std::string& column,
          const TableCell& cell) {
  out << Field(section) << "," << Field(row) << "," << Field(column) << "," << Number(cell.run) << ","
      << Number(cell.paper) << "," << Number(cell.Difference()) << ","
      << (cell.p_value ? PValue(*cell.p_value) : "") << "\n";
}

}  // namespace

std::string RenderCsv(const ReportInput& input) {
  std::ostringstream out;
  out << "section,row,column,run,paper,difference,p_value\n";
  for (const auto& table : input.tables) {
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        Line(out, table.id, row.label, table.columns[c], row.cells[c]);
      }
    }
  }
  for (const auto& [name, entry] : input.results.entries) {
    for (const auto& [key, value] : entry.metrics) Line(out, "metrics", name, key, {value, {}, {}, {}, {}});
  }
  for (const auto& [name, entry] : input.results.entries) {
    for (const auto& [group, values] : entry.breakdown) {
      for (const auto& [label, value] : values)
        Line(out, "breakdown:" + group, name, label, {value, {}, {}, {}, {}});
    }
  }
  return out.str();
}

}  // namespace vleval
