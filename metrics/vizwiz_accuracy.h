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
//             breakdown, per-sample round(100*acc, 2). The unanswerability
//             average precision and F1 are not computed (they need the
//             model's `answerable` flag, which vleval predictions lack).
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
