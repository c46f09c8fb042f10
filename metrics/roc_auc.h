// Area under the ROC curve, computed the way scikit-learn's roc_auc_score
// does for binary labels (scoring.md §5): scores sorted descending, one
// point per distinct threshold, roc_curve's drop_intermediate, then numpy's
// trapezoid rule with its pairwise sum. Mathematically the Mann-Whitney
// probability with ties counted 1/2; this port also matches sklearn's last
// bits. Pure, thread-safe.
#pragma once

#include <vector>

#include "core/result.h"

namespace vleval {

// labels: 0 or 1 per sample; scores: higher = more likely 1, finite.
// Errors: size mismatch, a label other than 0/1, a non-finite score, or only
// one class present (AUROC undefined, as sklearn raises).
Result<double> RocAuc(const std::vector<int>& labels, const std::vector<double>& scores);

}  // namespace vleval
