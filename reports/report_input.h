// ReportInput: everything a report format renders, gathered once from a run
// folder and the paper's numbers: the paper-layout tables (with Table 5's
// per-task McNemar p-values), each entry's wrong answers for the HTML sample
// browser, and optionally the run history's trend. Formats are pure
// functions of this value.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "reports/paper_reference.h"
#include "reports/paper_tables.h"
#include "reports/report_table.h"
#include "reports/run_folder.h"
#include "reports/run_history.h"

namespace vleval {

// One sample scored below full marks, with what the model saw and said.
struct WrongAnswer {
  std::string id;
  double score = 0;
  std::string prompt;  // "" when the run has no predictions file
  std::string output;
  std::string reference;  // "" when the per-sample file carries none
};

struct EntrySamples {
  std::string entry;
  long total = 0;                  // samples with an outcome
  long wrong = 0;                  // of which scored below 1
  std::vector<WrongAnswer> shown;  // the first wrong ones, in sample order
};

struct ReportInput {
  std::string run_label;  // the run folder's name
  RunResults results;
  std::vector<ReportTable> tables;
  std::vector<EntrySamples> samples;  // entries with per-sample outcomes
  std::vector<EntryTrend> history;    // empty unless a history was attached
};

// Builds the input from `run`. Lists at most `max_wrong_shown` wrong answers
// per entry. Errors: a malformed per-sample or predictions file (named).
Result<ReportInput> BuildReportInput(const RunFolder& run, const PaperReference& paper,
                                     std::size_t max_wrong_shown = 25);

// `vleval report --table5 RUN_WITH RUN_WITHOUT`: the paper's two-checkpoint
// Table 5 (BuildTwoCheckpointTable5) with each task's McNemar p and paired
// bootstrap interval (CompareRuns(without, with), samples paired by id), and
// both runs' entries listed as "<entry> (w)" and "<entry> (w/o)". Errors: a
// malformed per-sample file (named), or no Table 5 task in either run.
Result<ReportInput> BuildTable5Input(const RunFolder& with, const RunFolder& without,
                                     const PaperReference& paper);

// Exact McNemar p of `<task>` against `<task>@none` for every task whose two
// entries both have per-sample outcomes (paired by sample id).
Result<AblationPValues> AblationSignificance(const RunFolder& run);

}  // namespace vleval
