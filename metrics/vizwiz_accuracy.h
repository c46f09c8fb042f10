// VizWiz VQA accuracy (metric `vizwiz_accuracy`), scoring.md §2.1-2.2.
//
// Dialects:
//  minigptv2  eval_vqa.py: the 10 answers joined with "_" and re-split on "_"
//             (an answer containing "_" becomes several pieces); count = the
//             pieces p with lower(p) == lower(strip(output)); score =
//             min(count/3, 1); no leave-one-out, no normalisation;
//             accuracy = np.average(scores) * 100 (numpy pairwise sum).
//             Per-sample scores in [0, 1].
//  official   the VizWiz evaluation code: the prediction is always cleaned
//             ("\n"/"\t" -> space, strip) and normalised (vqa_normalize.h);
//             GT answers are compared raw (never normalised); leave-one-out
//             by index; accuracy = round(100*sum/N, 2) with an `answer_type`
//             breakdown (yes/no, number, other, unanswerable), per-sample
//             round(100*acc, 2). Unanswerability, when the predictions carry
//             p_unanswerable (the first-token probability of "unanswerable")
//             and the annotations `answerable`: the predicted answerable
//             score is 1 - p_unanswerable and, as the VizWiz code does,
//             `unanswerable_ap` = round(100 * average_precision(1-gt,
//             1-pred), 2) and `unanswerable_f1` = round(100 * f1(1-gt,
//             (1-pred) > 0.5), 2) (average_precision.h). No sample with
//             p_unanswerable: both omitted; only some: an error naming the
//             first sample without it; a sample without `answerable`: both
//             omitted with a note.
//             VizWiz's contraction table uses typographic apostrophes; it is
//             read from ScoringOptions::resources["vizwiz_contractions"] (the
//             JSON object text) when given. Without it the VQA table is used
//             and the report carries a note saying so.
#pragma once

#include <string_view>
#include <vector>

#include "metrics/metric_registry.h"

namespace vleval {

// The minigptv2 per-sample score in [0, 1].
double VizWizMiniGptV2Score(const std::vector<std::string>& answers, std::string_view output);

MetricEntry VizWizAccuracyMetric();

}  // namespace vleval
