#include "metrics/roc_auc.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "metrics/binary_clf_curve.h"
#include "metrics/python_numeric.h"

namespace vleval {
namespace {

Status CheckInputs(const std::vector<int>& labels, const std::vector<double>& scores) {
  if (labels.size() != scores.size()) {
    return Error{"roc auc: " + std::to_string(labels.size()) + " labels but " +
                 std::to_string(scores.size()) + " scores"};
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] != 0 && labels[i] != 1) {
      return Error{"roc auc: label " + std::to_string(labels[i]) + " at index " + std::to_string(i) +
                   " is not 0 or 1"};
    }
    if (!std::isfinite(scores[i])) {
      return Error{"roc auc: score at index " + std::to_string(i) + " is not finite"};
    }
  }
  const auto positives = std::count(labels.begin(), labels.end(), 1);
  if (positives == 0 || positives == static_cast<long>(labels.size())) {
    return Error{"roc auc: only one class present, AUROC is undefined"};
  }
  return {};
}

}  // namespace

Result<double> RocAuc(const std::vector<int>& labels, const std::vector<double>& scores) {
  if (Status status = CheckInputs(labels, scores); !status.ok()) return Error{status.message()};
  const BinaryClfCurve curve = ComputeBinaryClfCurve(labels, scores);
  const std::vector<double>& tps = curve.true_positives;
  const std::vector<double>& fps = curve.false_positives;
  // drop_intermediate: keep the ends and every point where the curve bends.
  std::vector<double> kept_tps{0.0}, kept_fps{0.0};
  for (size_t k = 0; k < tps.size(); ++k) {
    const bool end = k == 0 || k + 1 == tps.size();
    const bool bends =
        !end && (fps[k + 1] - 2 * fps[k] + fps[k - 1] != 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] != 0);
    if (tps.size() <= 2 || end || bends) {
      kept_tps.push_back(tps[k]);
      kept_fps.push_back(fps[k]);
    }
  }
  const double total_fp = kept_fps.back(), total_tp = kept_tps.back();
  std::vector<double> trapezoids;
  for (size_t k = 1; k < kept_tps.size(); ++k) {
    const double dx = kept_fps[k] / total_fp - kept_fps[k - 1] / total_fp;
    trapezoids.push_back(dx * (kept_tps[k] / total_tp + kept_tps[k - 1] / total_tp) / 2.0);
  }
  return NumpyPairwiseSum(trapezoids);
}

}  // namespace vleval
