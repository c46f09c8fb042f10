#include "reports/regression_gate.h"

#include "reports/number_format.h"

namespace vleval {

GateVerdict EvaluateGate(const RunComparison& comparison, const GateOptions& options) {
  GateVerdict verdict;
  const std::string limits = "max drop " + Fixed(options.max_drop) + ", alpha " + Shortest(options.alpha);
  int failed = 0;
  for (const auto& row : comparison.entries) {
    if (!(row.Drop() > options.max_drop)) continue;
    const std::string what = row.entry + ": " + row.metric + " " + Fixed(row.value_a) + " -> " +
                             Fixed(row.value_b) + ", worse by " + Fixed(row.Drop()) + " > " +
                             Fixed(options.max_drop);
    if (!row.paired) {
      ++failed;
      verdict.reasons.push_back("FAIL " + what + "; no per-sample outcomes to test whether it is noise");
    } else if (row.paired->p_value < options.alpha) {
      ++failed;
      verdict.reasons.push_back("FAIL " + what + " with McNemar p = " + PValueText(row.paired->p_value) +
                                " < " + Shortest(options.alpha));
    } else {
      verdict.reasons.push_back("pass " + what + " but McNemar p = " + PValueText(row.paired->p_value) +
                                " >= " + Shortest(options.alpha) + " (within noise)");
    }
  }
  verdict.failed = failed > 0;
  verdict.reasons.push_back(verdict.failed
                                ? "gate: FAILED: " + std::to_string(failed) + " entr" +
                                      (failed == 1 ? "y" : "ies") + " dropped significantly (" + limits + ")"
                                : "gate: passed: no entry dropped by more than " + Fixed(options.max_drop) +
                                      " points with p < " + Shortest(options.alpha) + " (" +
                                      std::to_string(comparison.entries.size()) + " entries compared)");
  return verdict;
}

}  // namespace vleval
