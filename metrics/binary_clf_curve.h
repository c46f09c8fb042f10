// The points of a binary classifier's curve as scikit-learn's
// _binary_clf_curve computes them (pos_label 1, no sample weights): shared
// by roc_auc.h and average_precision.h. Pure, thread-safe.
#pragma once

#include <vector>

namespace vleval {

// Element k is the k-th distinct score from the highest: true_positives[k]
// and false_positives[k] count the samples whose score is at least that one
// (as doubles, the dtype sklearn's cumsum gives). Scores are stably sorted
// descending and a point is taken at the last index of each run of equal
// scores, so the last point counts every sample.
struct BinaryClfCurve {
  std::vector<double> true_positives;
  std::vector<double> false_positives;
};

// Preconditions (the callers check them and report their own errors):
// labels and scores of the same, nonzero size; labels 0 or 1; scores finite.
BinaryClfCurve ComputeBinaryClfCurve(const std::vector<int>& labels, const std::vector<double>& scores);

}  // namespace vleval
