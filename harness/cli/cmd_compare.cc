// `vleval compare RUN_A RUN_B`: per entry the difference, a paired bootstrap
// 95% CI, the exact McNemar p-value and the flipped samples; with --gate it
// exits 1 when an entry of RUN_B dropped significantly against RUN_A.
#include <iostream>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "reports/regression_gate.h"

namespace vleval::cli {
namespace {

int Compare(const std::vector<std::string>& args) {
  po::options_description options("vleval compare options");
  std::string run_a, run_b;
  GateOptions gate;
  CompareOptions compare;
  std::size_t max_flips = 20;
  options.add_options()("run-a", po::value(&run_a)->required(), "baseline run folder")(
      "run-b", po::value(&run_b)->required(), "candidate run folder")(
      "gate", "exit 1 when an entry dropped by more than --max-drop with McNemar p < --alpha")(
      "max-drop", po::value(&gate.max_drop),
      "largest tolerated drop, in points of the headline metric (1.0)")(
      "alpha", po::value(&gate.alpha), "significance level of the gate (0.05)")(
      "resamples", po::value(&compare.bootstrap_resamples), "bootstrap resamples (2000)")(
      "seed", po::value(&compare.seed), "bootstrap seed (20231016)")(
      "max-flips", po::value(&max_flips), "flipped sample ids listed per entry (20)");
  po::positional_options_description positional;
  positional.add("run-a", 1).add("run-b", 1);
  po::variables_map values;
  if (auto stop = ParseCommandOptions("compare", "vleval compare RUN_A RUN_B [--gate --max-drop X --alpha A]",
                                      options, positional, args, values, std::cout, std::cerr))
    return *stop;
  if (compare.bootstrap_resamples < 1 || !(gate.alpha > 0 && gate.alpha <= 1) || !(gate.max_drop >= 0)) {
    std::cerr << "vleval compare: --resamples must be >= 1, --alpha in (0, 1], --max-drop >= 0\n";
    return kExitUsage;
  }
  auto a = RunFolder::Open(run_a);
  auto b = a ? RunFolder::Open(run_b) : Result<RunFolder>(a.error());
  if (!b) return CommandFailure("compare", b.error().message);
  auto comparison = CompareRuns(*a, *b, compare);
  if (!comparison) return CommandFailure("compare", comparison.error().message);
  std::cout << FormatComparison(*comparison, run_a, run_b, max_flips);
  if (values.count("gate") == 0) return kExitOk;
  const GateVerdict verdict = EvaluateGate(*comparison, gate);
  std::cout << "\n";
  for (const auto& reason : verdict.reasons) std::cout << reason << "\n";
  return verdict.failed ? kExitFailure : kExitOk;
}

}  // namespace

Command CompareCommand() {
  return {"compare", "compare two runs; --gate fails on a significant drop", Compare};
}

}  // namespace vleval::cli
