#include "metrics/vsr_accuracy.h"

#include "metrics/binary_accuracy.h"
#include "metrics/python_text.h"

namespace vleval {

bool VsrIsMatch(std::string_view output, int label) {
  return PyLower(PyStrip(output)) == (label == 1 ? "true" : "false");
}

MetricEntry VsrAccuracyMetric() {
  return {"VSR true/false accuracy",
          [](Dialect, const std::vector<MetricSample>& samples,
             const ScoringOptions& options) -> Result<MetricReport> {
            return CountHits(samples.size(), options.max_threads,
                             [&](size_t i) { return VsrIsMatch(samples[i].output, samples[i].label); });
          }};
}

}  // namespace vleval
