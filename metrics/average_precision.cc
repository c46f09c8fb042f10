#include "metrics/average_precision.h"

#include <cmath>
#include <string>

#include "metrics/binary_clf_curve.h"
#include "metrics/python_numeric.h"

namespace vleval {
namespace {

Status CheckLabels(const std::vector<int>& values, const char* what) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] != 0 && values[i] != 1)
      return Error{std::string(what) + " " + std::to_string(values[i]) + " at index " + std::to_string(i) +
                   " is not 0 or 1"};
  }
  return {};
}

}  // namespace

Result<double> AveragePrecision(const std::vector<int>& labels, const std::vector<double>& scores) {
  if (labels.size() != scores.size())
    return Error{"average precision: " + std::to_string(labels.size()) + " labels but " +
                 std::to_string(scores.size()) + " scores"};
  if (labels.empty()) return Error{"average precision: no samples"};
  if (auto status = CheckLabels(labels, "average precision: label"); !status) return Error{status.message()};
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!std::isfinite(scores[i]))
      return Error{"average precision: score at index " + std::to_string(i) + " is not finite"};
  }
  const BinaryClfCurve curve = ComputeBinaryClfCurve(labels, scores);
  const std::vector<double>& tps = curve.true_positives;
  const std::vector<double>& fps = curve.false_positives;
  // precision_recall_curve, reversed, with the (recall 0, precision 1) end point.
  const double total = tps.back();
  std::vector<double> precision, recall;
  for (size_t k = tps.size(); k-- > 0;) {
    const double predicted = tps[k] + fps[k];
    precision.push_back(predicted != 0 ? tps[k] / predicted : 0.0);
    recall.push_back(total == 0 ? 1.0 : tps[k] / total);
  }
  precision.push_back(1.0);
  recall.push_back(0.0);
  std::vector<double> terms;
  for (size_t k = 0; k + 1 < recall.size(); ++k) terms.push_back((recall[k + 1] - recall[k]) * precision[k]);
  return -NumpyPairwiseSum(terms);
}

Result<double> F1Score(const std::vector<int>& labels, const std::vector<int>& predicted) {
  if (labels.size() != predicted.size())
    return Error{"f1: " + std::to_string(labels.size()) + " labels but " + std::to_string(predicted.size()) +
                 " predictions"};
  if (auto status = CheckLabels(labels, "f1: label"); !status) return Error{status.message()};
  if (auto status = CheckLabels(predicted, "f1: prediction"); !status) return Error{status.message()};
  double tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    tp += labels[i] == 1 && predicted[i] == 1;
    fp += labels[i] == 0 && predicted[i] == 1;
    fn += labels[i] == 1 && predicted[i] == 0;
  }
  const double denominator = 2 * tp + fp + fn;
  return denominator == 0 ? 0.0 : 2 * tp / denominator;
}

}  // namespace vleval
