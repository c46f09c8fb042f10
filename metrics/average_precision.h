// Average precision and F1 of binary predictions, computed the way
// scikit-learn's average_precision_score and f1_score do (the VizWiz
// unanswerability metrics, scoring.md §2.1). Pure, thread-safe.
#pragma once

#include <vector>

#include "core/result.h"

namespace vleval {

// sklearn average_precision_score (binary): scores sorted descending, one
// point per distinct threshold (cumulative TP/FP), precision = tp/(tp+fp),
// recall = tp/total positives, reversed with a final (recall 0, precision 1)
// point, AP = -np.sum(np.diff(recall) * precision[:-1]) with numpy's pairwise
// sum. The curve is not truncated at full recall (sklearn >= 1.1; the
// truncation of older releases adds only zero terms). With no positive
// label, recall is 1 everywhere and AP is 0 (sklearn warns).
// labels: 0/1; scores: finite, higher = more likely 1. Errors: size
// mismatch, empty input, a label other than 0/1, a non-finite score.
Result<double> AveragePrecision(const std::vector<int>& labels, const std::vector<double>& scores);

// sklearn f1_score (binary, pos_label 1): 2TP / (2TP + FP + FN); 0 when the
// denominator is 0 (zero_division default). Errors: size mismatch, a value
// other than 0/1.
Result<double> F1Score(const std::vector<int>& labels, const std::vector<int>& predicted);

}  // namespace vleval
