// IconVQA choice accuracy (metric `iconvqa_choice`), scoring.md §5 and
// protocol §2.3. The model is not asked to generate: each choice gets a
// negative log-likelihood (MetricSample::candidates_nll, lower = better) and
// the sample is right when the best-ranked choice is `label`.
//
// Both dialects (IconQA's official metric is the same choice accuracy):
// ties at the lowest NLL go to the lowest choice index (a stable ascending
// sort; the reference's torch.argsort on GPU leaves ties unordered). A
// sample with no candidates, a NaN NLL or a label outside the candidates
// counts as wrong. accuracy = count/total*100; per-sample 0/1.
// Parity note: the scripts divide each summed NLL by a batch-dependent
// padded length; vleval ranks by the summed NLL the predictions carry.
#pragma once

#include <vector>

#include "metrics/metric_registry.h"

namespace vleval {

// Index of the best (lowest-NLL) choice, first on ties; -1 when empty or any
// value is NaN.
int IconVqaBestChoice(const std::vector<double>& candidates_nll);

MetricEntry IconVqaChoiceMetric();

}  // namespace vleval
