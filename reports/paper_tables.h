// The paper's Tables 2-5 built from a run's results and the paper's numbers:
// Table 2 (VQA top-1), Table 3 (REC Acc@0.5 with the split average), Table 4
// (CHAIR, one row per prompt), Table 5 (task-identifier ablation with a delta
// row whose cells carry the exact McNemar p-value when per-sample outcomes
// exist). A table is built only when the run evaluated at least one of its
// cells.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/paper_reference.h"
#include "reports/report_table.h"
#include "reports/run_results.h"

namespace vleval {

// Per-task significance of the identifier ablation: task -> McNemar p of
// `<task>` vs `<task>@none` on paired per-sample outcomes.
using AblationPValues = std::map<std::string, double>;

// Tables in paper order. Paper values come from `paper` (missing cells stay
// empty). Values are copied, not rounded; formats round when printing.
std::vector<ReportTable> BuildPaperTables(const RunResults& run, const PaperReference& paper,
                                          const AblationPValues& ablation_p);

// The printed name of a task or metric column: "OKVQA", "IconVQA", "CHAIR_I".
std::string ColumnDisplayName(const std::string& column);

}  // namespace vleval
