// The paper's Tables 2-5 built from a run's results and the paper's numbers:
// Table 2 (VQA top-1), Table 3 (REC Acc@0.5 with the split average), Table 4
// (CHAIR, one row per prompt), Table 5 (task-identifier ablation with a delta
// row whose cells carry the exact McNemar p-value when per-sample outcomes
// exist): from one run, the inference-time ablation (one checkpoint prompted
// with and without identifiers, entries <task> and <task>@none); from two
// runs, the paper's two-checkpoint form (BuildTwoCheckpointTable5). A table is built only when the run
// evaluated at least one of its cells.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/paper_reference.h"
#include "reports/report_table.h"
#include "reports/run_results.h"

namespace vleval {

// Per-task significance of the identifier ablation: task -> McNemar p of
// `<task>` vs `<task>@none` on paired per-sample outcomes.
using AblationPValues = std::map<std::string, double>;

// Per-task paired statistics of Table 5's two checkpoints (task -> McNemar p
// and paired bootstrap 95% interval of with - without, in points).
struct PairedDelta {
  double p_value = 1;
  std::optional<double> ci_low, ci_high;  // absent in the one-run ablation
};
using CheckpointPairing = std::map<std::string, PairedDelta>;

// Table 5 as the paper ran it: two checkpoints (trained with and without task
// identifiers), each evaluated with its own prompts; `with` and `without` are
// their runs, a task's value the entry named after it in each. The delta row
// carries each task's McNemar p and bootstrap interval from `paired`.
ReportTable BuildTwoCheckpointTable5(const RunResults& with, const RunResults& without,
                                     const PaperReference& paper, const CheckpointPairing& paired);

// Tables in paper order. Paper values come from `paper` (missing cells stay
// empty). Values are copied, not rounded; formats round when printing.
std::vector<ReportTable> BuildPaperTables(const RunResults& run, const PaperReference& paper,
                                          const AblationPValues& ablation_p);

// The printed name of a task or metric column: "OKVQA", "IconVQA", "CHAIR_I".
std::string ColumnDisplayName(const std::string& column);

}  // namespace vleval
