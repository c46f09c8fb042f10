// The regression gate of `vleval compare --gate`: run B fails against
// baseline A when some entry's headline metric got worse by more than
// `max_drop` points AND the drop is significant (exact McNemar p < alpha on
// the paired per-sample outcomes). An entry that dropped by more than
// max_drop without per-sample outcomes on both sides fails too, because the
// gate cannot show that the drop is noise. The verdict lists every reason.
#pragma once

#include <string>
#include <vector>

#include "reports/run_comparison.h"

namespace vleval {

struct GateOptions {
  double max_drop = 1.0;  // points of the headline metric
  double alpha = 0.05;
};

struct GateVerdict {
  bool failed = false;
  // One sentence per entry that dropped by more than max_drop ("FAIL ..." or
  // "pass ..."), then a summary line.
  std::vector<std::string> reasons;
};

GateVerdict EvaluateGate(const RunComparison& comparison, const GateOptions& options);

}  // namespace vleval
