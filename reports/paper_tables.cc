#include "reports/paper_tables.h"

#include <cmath>
#include <optional>
#include <tuple>

namespace vleval {
namespace {

constexpr const char* kWithIdentifier = "w task identifier";
constexpr const char* kWithoutIdentifier = "w/o task identifier";

std::optional<double> Metric(const RunResults& run, const std::string& entry, const std::string& key) {
  const EntryResult* found = run.Find(entry);
  if (found == nullptr) return std::nullopt;
  auto it = found->metrics.find(key);
  if (it == found->metrics.end()) return std::nullopt;
  return it->second;
}

// Table 2/5 value of a VQA-family entry: accuracy, or AUROC for HM under the
// official dialect.
std::optional<double> TopOne(const RunResults& run, const std::string& entry) {
  if (auto value = Metric(run, entry, "accuracy")) return value;
  return Metric(run, entry, "auroc");
}

// The mean of cells [0, count) when every one has a run value.
std::optional<double> MeanOfRun(const std::vector<TableCell>& cells, std::size_t count) {
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!cells[i].run) return std::nullopt;
    sum += *cells[i].run;
  }
  return sum / static_cast<double>(count);
}

ReportTable Skeleton(const PaperReference& paper, const std::string& id) {
  ReportTable table;
  table.id = id;
  auto it = paper.tables().find(id);
  if (it == paper.tables().end()) return table;
  table.title = it->second.title;
  table.columns = it->second.columns;
  for (const auto& column : table.columns) {
    table.column_labels.push_back(ColumnDisplayName(column));
    table.lower_is_better.push_back(LowerIsBetter(column));
  }
  return table;
}

// One row: run values from `value_of(column)`, paper values from `paper_row`.
template <typename ValueOf>
TableRow Row(const PaperReference& paper, const ReportTable& table, const std::string& label,
             const std::string& paper_row, ValueOf value_of) {
  TableRow row{label, {}};
  for (const auto& column : table.columns) {
    TableCell cell;
    cell.run = value_of(column);
    cell.paper = paper.Value(table.id, paper_row, column);
    row.cells.push_back(cell);
  }
  return row;
}

bool HasRunValue(const TableRow& row) {
  for (const auto& cell : row.cells) {
    if (cell.run) return true;
  }
  return false;
}

bool HasRunValue(const ReportTable& table) {
  for (const auto& row : table.rows) {
    if (HasRunValue(row)) return true;
  }
  return false;
}

ReportTable Table2(const RunResults& run, const PaperReference& paper) {
  ReportTable table = Skeleton(paper, "table2");
  table.rows.push_back(Row(paper, table, kMiniGptV2Row, kMiniGptV2Row,
                           [&](const std::string& task) { return TopOne(run, task); }));
  table.notes.push_back("Paper row: " + std::string(kMiniGptV2Row) + ".");
  return table;
}

ReportTable Table3(const RunResults& run, const PaperReference& paper) {
  ReportTable table = Skeleton(paper, "table3");
  table.column_labels.clear();
  for (const auto& column : table.columns) {
    const auto split = column.find('_');
    table.column_labels.push_back(split == std::string::npos ? ColumnDisplayName(column)
                                                             : column.substr(split + 1));
  }
  table.column_groups = {{"RefCOCO", 3}, {"RefCOCO+", 3}, {"RefCOCOg", 2}, {"", 1}};
  TableRow row = Row(paper, table, kMiniGptV2Row, kMiniGptV2Row,
                     [&](const std::string& split) { return Metric(run, split, "acc@0.5"); });
  row.cells.back().run = MeanOfRun(row.cells, row.cells.size() - 1);
  table.rows.push_back(std::move(row));
  table.notes.push_back("Avg is the mean of the eight splits; it is shown when all eight were run.");
  return table;
}

ReportTable Table4(const RunResults& run, const PaperReference& paper) {
  ReportTable table = Skeleton(paper, "table4");
  for (const char* variant : {"long", "grounded", "short"}) {
    const std::string label = "MiniGPT-v2 (" + std::string(variant) + ")";
    const std::string entry = "chair:" + std::string(variant);
    table.rows.push_back(
        Row(paper, table, label, label, [&](const std::string& key) { return Metric(run, entry, key); }));
  }
  table.notes.push_back("CHAIR_I and CHAIR_S: lower is better; Len: mean caption length in words.");
  return table;
}

// Table 5's rows: w/o from `without` (entries <task><without_suffix>), w from
// `with`, and the delta row with the p-values and intervals available.
ReportTable Table5Layout(const RunResults& with, const std::string& with_suffix, const RunResults& without,
                         const std::string& without_suffix, const PaperReference& paper,
                         const CheckpointPairing& paired) {
  ReportTable table = Skeleton(paper, "table5");
  const std::size_t tasks = table.columns.empty() ? 0 : table.columns.size() - 1;
  for (const auto& [label, run, suffix] : {std::tuple{kWithoutIdentifier, &without, without_suffix},
                                           std::tuple{kWithIdentifier, &with, with_suffix}}) {
    const RunResults* source = run;  // named copies: clang 14 cannot capture bindings
    const std::string entry_suffix = suffix;
    TableRow row = Row(paper, table, label, label,
                       [&](const std::string& task) { return TopOne(*source, task + entry_suffix); });
    if (!row.cells.empty()) row.cells.back().run = MeanOfRun(row.cells, tasks);
    table.rows.push_back(std::move(row));
  }
  TableRow delta{"delta (w - w/o)", {}};
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const TableCell& without_cell = table.rows[0].cells[c];
    const TableCell& with_cell = table.rows[1].cells[c];
    TableCell cell;
    if (with_cell.run && without_cell.run) cell.run = *with_cell.run - *without_cell.run;
    // The paper prints two decimals at most: drop the binary noise of the subtraction.
    if (with_cell.paper && without_cell.paper)
      cell.paper = std::round((*with_cell.paper - *without_cell.paper) * 1e9) / 1e9;
    if (auto it = paired.find(table.columns[c]); it != paired.end()) {
      cell.p_value = it->second.p_value;
      cell.ci_low = it->second.ci_low;
      cell.ci_high = it->second.ci_high;
    }
    delta.cells.push_back(cell);
  }
  table.rows.push_back(std::move(delta));
  return table;
}

ReportTable Table5(const RunResults& run, const PaperReference& paper, const AblationPValues& p) {
  CheckpointPairing paired;
  for (const auto& [task, p_value] : p) paired[task].p_value = p_value;
  ReportTable table = Table5Layout(run, "", run, "@none", paper, paired);
  table.notes.push_back(
      "Rows: entries <task>@none (w/o) and <task> (w). p: exact McNemar test on the "
      "paired per-sample outcomes of the two runs of a task.");
  table.notes.push_back(
      "Inference-time ablation: one checkpoint prompted with and without the identifiers. The paper "
      "compares two checkpoints trained with and without them: vleval report --table5 RUN_WITH RUN_WITHOUT.");
  return table;
}

}  // namespace

ReportTable BuildTwoCheckpointTable5(const RunResults& with, const RunResults& without,
                                     const PaperReference& paper, const CheckpointPairing& paired) {
  ReportTable table = Table5Layout(with, "", without, "", paper, paired);
  auto checkpoint = [](const RunResults& run) {
    return run.checkpoint.empty() ? run.backend : run.checkpoint;
  };
  table.notes.push_back("Two checkpoints, each evaluated with its own prompts: w = " + checkpoint(with) +
                        ", w/o = " + checkpoint(without) + "; a task's value is its entry in each run.");
  table.notes.push_back(
      "Delta row: p is the exact McNemar test on the paired per-sample outcomes (paired by sample id); "
      "CI the paired bootstrap 95% interval of the per-sample difference, in points.");
  return table;
}

std::string ReportTable::FullColumnLabel(std::size_t column) const {
  if (column_groups.empty()) return column_labels[column];
  std::size_t start = 0;
  for (const auto& group : column_groups) {
    if (column < start + static_cast<std::size_t>(group.span)) {
      return group.label.empty() ? column_labels[column] : group.label + " " + column_labels[column];
    }
    start += static_cast<std::size_t>(group.span);
  }
  return column_labels[column];
}

std::string ColumnDisplayName(const std::string& column) {
  static const std::map<std::string, std::string> names = {
      {"okvqa", "OKVQA"},     {"gqa", "GQA"},         {"vsr", "VSR"}, {"iconvqa", "IconVQA"},
      {"vizwiz", "VizWiz"},   {"hm", "HM"},           {"avg", "Avg"}, {"average", "Avg"},
      {"chair_i", "CHAIR_I"}, {"chair_s", "CHAIR_S"}, {"len", "Len"},
  };
  auto it = names.find(column);
  return it == names.end() ? column : it->second;
}

std::vector<ReportTable> BuildPaperTables(const RunResults& run, const PaperReference& paper,
                                          const AblationPValues& ablation_p) {
  std::vector<ReportTable> tables;
  for (ReportTable table :
       {Table2(run, paper), Table3(run, paper), Table4(run, paper), Table5(run, paper, ablation_p)}) {
    // Table 5 needs the runs without identifier; the others any run value.
    const bool wanted =
        table.id == "table5" ? !table.rows.empty() && HasRunValue(table.rows[0]) : HasRunValue(table);
    if (!table.columns.empty() && wanted) tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace vleval
