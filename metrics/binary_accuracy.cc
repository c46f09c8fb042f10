#include "metrics/binary_accuracy.h"

#include "metrics/parallel_scoring.h"
#include "metrics/python_numeric.h"

namespace vleval {

MetricReport CountHits(size_t n, int max_threads, const std::function<bool(size_t)>& is_hit) {
  MetricReport report;
  report.per_sample =
      ScoreEachSample<double>(n, max_threads, [&](size_t i) { return is_hit(i) ? 1.0 : 0.0; });
  report.metrics["accuracy"] = RatioTimesHundred(PythonSum(report.per_sample), n);
  return report;
}

}  // namespace vleval
