// IconVQA choice accuracy (metric `iconvqa_choice`), scoring.md §5 and
// protocol §2.3. The model is not asked to generate: each choice gets a
// negative log-likelihood (MetricSample::candidates_nll, summed over the
// choice's tokens and EOS, lower = better) and the sample is right when the
// best-ranked choice is `label`. accuracy = count/total*100; per-sample 0/1.
//
// Dialects:
//  official   length-agnostic: rank the choices by summed NLL (IconQA's own
//             metric is multiple-choice accuracy; it prescribes no length
//             rule). Ties go to the lowest index.
//  minigptv2  `multi_select` of the MiniGPT-v2 scripts, exactly:
//             - samples go in batches of kIconVqaMiniGptV2Batch in sample
//               (file) order, whatever the run's batch size;
//             - a sample's candidates are its choices joined with "_" and
//               split on "_" (IconVqaMiniGptV2Candidates), padded with
//               kIconVqaPaddingCandidate to the batch's largest count;
//             - candidate column c of a batch is one forward pass whose
//               per-sample loss is the mean over its T-1 shifted positions:
//               loss(i, c) = nll(i, c) / (max_j P_j - 1 + max_j A(j, c)),
//               P_j = prompt_positions (both BOS included; the pass adds one
//               BOS before the prompt, the shift takes one position off),
//               A(j, c) = tokens of sample j's candidate c (padding_tokens for
//               a padded entry); over the batch's samples with predictions;
//             - entries c >= the sample's own count get 9999; the first index
//               of an ascending (stable) sort wins, so ties go to the lowest
//               index (the reference's GPU argsort leaves ties unordered).
//             Needs MetricSample::choice_detail on every sample that has NLLs
//             (and split_nll/split_tokens where the split differs from the
//             choices). When no sample carries it (predictions written before
//             it existed) the official ranking is used and the report says
//             so; when only some do, it is an error naming the first sample
//             without it.
// A sample with no candidates, a NaN NLL or a label outside the candidates
// counts as wrong.
#pragma once

#include <string>
#include <vector>

#include "metrics/metric_registry.h"

namespace vleval {

inline constexpr int kIconVqaMiniGptV2Batch = 10;  // eval_vqa.py's IconVQA batch size
inline constexpr const char* kIconVqaPaddingCandidate = "none";
inline constexpr double kIconVqaPaddedLoss = 9999;

// The candidates the scripts score for `choices`: "_".join(choices).split("_").
std::vector<std::string> IconVqaMiniGptV2Candidates(const std::vector<std::string>& choices);

// False when a piece is empty (a choice with a leading, trailing or doubled
// "_"): the model backends refuse an empty candidate, so such a sample's
// pieces are not scored and the minigptv2 rule counts it wrong, with a note.
bool IconVqaPiecesScorable(const std::vector<std::string>& pieces);

// Index of the best (lowest-NLL) choice, first on ties; -1 when empty or any
// value is NaN.
int IconVqaBestChoice(const std::vector<double>& candidates_nll);

// The minigptv2 rule's top candidate index of every sample, in sample order;
// -1 for a sample without NLLs or with a NaN loss. Errors: a sample with NLLs
// but without complete choice_detail (named).
Result<std::vector<int>> IconVqaMiniGptV2Ranking(const std::vector<MetricSample>& samples);

MetricEntry IconVqaChoiceMetric();

}  // namespace vleval
