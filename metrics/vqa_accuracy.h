// VQA accuracy (metric `vqa_accuracy`; OK-VQA, VQA v2 format), scoring.md
// §1 and minigptv2_protocol.md §2.1.
//
// Dialects:
//  official   GT-Vision-Lab vqaEval.py: "\n"/"\t" -> space and strip on GT
//             and prediction; only when the GT answers are not unanimous are
//             GT and prediction normalised (vqa_normalize.h); leave-one-out
//             over the annotators, acc = min(1, matches/3), summed in
//             annotator order and divided by the count; case-sensitive.
//  minigptv2  the MiniGPT-4 copy used by eval_vqa.py: the prediction is first
//             lower-cased, "<unk>" deleted and stripped; the match test is
//             case-insensitive; otherwise identical, unanimity gate included.
// Leave-one-out removes the annotator by position, which equals the
// reference's dict comparison whenever answer ids are distinct (VQA v2,
// OK-VQA).
//
// Report: `accuracy` = round(100*sum/N, 2) with Python's left-to-right sum
// over questions in sample order; breakdowns `question_type` and
// `answer_type` with the same formula (samples with an empty type are left
// out of that breakdown); per-sample scores round(100*acc, 2) as the
// reference's evalQA stores them. A sample with no answers is an error
// naming it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "metrics/dialect.h"
#include "metrics/metric_registry.h"

namespace vleval {

// Mean over annotators i of min(1, #{j != i : answers[j] == prediction}/3),
// summed left to right in annotator order (CPython 3.11). `case_insensitive`
// compares PyLower of both sides. Precondition: !answers.empty().
double LeaveOneOutAccuracy(const std::vector<std::string>& answers, std::string_view prediction,
                           bool case_insensitive);

// One question's accuracy in [0, 1], unrounded, under `dialect`.
double VqaQuestionAccuracy(const std::vector<std::string>& answers, std::string_view prediction,
                           Dialect dialect);

// accuracy + breakdowns from per-question accuracies in [0, 1] (sample
// order), the official aggregation; per_sample = round(100*acc, 2).
// Precondition: accuracies.size() == samples.size() > 0.
MetricReport VqaStyleReport(const std::vector<double>& accuracies, const std::vector<MetricSample>& samples);

MetricEntry VqaAccuracyMetric();

}  // namespace vleval
