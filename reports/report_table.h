// ReportTable: one of the paper's tables laid out as the paper lays it out
// (rows of models or settings, columns of benchmarks), each cell holding this
// run's value next to the paper's. Every output format renders this model, so
// the formats cannot disagree on the numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vleval {

struct TableCell {
  std::optional<double> run;    // this run's value; absent when not evaluated
  std::optional<double> paper;  // the paper's value; absent when the paper has none
  // Exact McNemar p-value of a per-task delta (Table 5's delta row only).
  std::optional<double> p_value;
  // Paired bootstrap 95% interval of a per-task delta, in the value's units
  // (Table 5 from two runs only).
  std::optional<double> ci_low, ci_high;

  // run - paper when both are present.
  std::optional<double> Difference() const {
    if (run && paper) return *run - *paper;
    return std::nullopt;
  }
};

struct TableRow {
  std::string label;             // the paper's row label, e.g. "MiniGPT-v2 (7B)"
  std::vector<TableCell> cells;  // one per column
};

// A header cell spanning `span` columns above the column labels (Table 3's
// RefCOCO / RefCOCO+ / RefCOCOg); empty label for a blank span.
struct ColumnGroup {
  std::string label;
  int span = 1;
};

struct ReportTable {
  std::string id;                          // "table2" .. "table5"
  std::string title;                       // the paper's caption
  std::vector<std::string> columns;        // ids: task names or metric keys
  std::vector<std::string> column_labels;  // as printed under the groups: "val", "OKVQA"
  std::vector<ColumnGroup> column_groups;  // empty when the header is one row
  std::vector<bool> lower_is_better;       // per column
  std::vector<TableRow> rows;
  std::vector<std::string> notes;  // sentences printed under the table

  // "RefCOCO val" when grouped, else the column label.
  std::string FullColumnLabel(std::size_t column) const;
};

}  // namespace vleval
