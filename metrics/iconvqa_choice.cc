#include "metrics/iconvqa_choice.h"

#include <cmath>

#include "metrics/binary_accuracy.h"

namespace vleval {

int IconVqaBestChoice(const std::vector<double>& candidates_nll) {
  int best = -1;
  for (size_t i = 0; i < candidates_nll.size(); ++i) {
    if (std::isnan(candidates_nll[i])) return -1;
    if (best < 0 || candidates_nll[i] < candidates_nll[best]) best = static_cast<int>(i);
  }
  return best;
}

MetricEntry IconVqaChoiceMetric() {
  return {"IconVQA choice accuracy from per-choice NLL",
          [](Dialect, const std::vector<MetricSample>& samples,
             const ScoringOptions& options) -> Result<MetricReport> {
            return CountHits(samples.size(), options.max_threads, [&](size_t i) {
              const int best = IconVqaBestChoice(samples[i].candidates_nll);
              return best >= 0 && best == samples[i].label;
            });
          }};
}

}  // namespace vleval
