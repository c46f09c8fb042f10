#include "metrics/binary_clf_curve.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace vleval {

BinaryClfCurve ComputeBinaryClfCurve(const std::vector<int>& labels, const std::vector<double>& scores) {
  const std::size_t n = labels.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  BinaryClfCurve curve;
  double true_positives = 0;
  for (std::size_t k = 0; k < n; ++k) {
    true_positives += labels[order[k]];
    if (k + 1 == n || scores[order[k + 1]] != scores[order[k]]) {
      curve.true_positives.push_back(true_positives);
      curve.false_positives.push_back(static_cast<double>(k + 1) - true_positives);
    }
  }
  return curve;
}

}  // namespace vleval
