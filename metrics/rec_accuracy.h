// Referring-expression comprehension (metric `rec_accuracy`), scoring.md §4
// and protocol §3.4. Each sample is one expression with its own box; the
// output is decoded with ScoringOptions::box_codec (box_codec.h, default
// "minigptv2") into pixels of the original image.
//
// Dialects:
//  minigptv2  IoU with the +1 inclusive-pixel convention, hit if IoU > t.
//  official   plain IoU, hit if IoU >= t.
// Misses without an IoU: an output the codec rejects (counted in
// `parse_failures`) and a zero union. The denominator is every expression.
//
// Report (percent): `acc@0.5` (= hits/total*100 as eval_ref.py prints it),
// `acc@0.3`, `acc@0.7`, `acc@0.9`, `miou` (mean of max(0, IoU)*100 over all
// expressions, misses without an IoU count 0), `parse_failures` (a count).
// Per-sample: 1/0 hit at 0.5. Errors: unknown codec, a sample whose image
// size is not positive.
#pragma once

#include <optional>
#include <string_view>

#include "metrics/box_codec.h"
#include "metrics/dialect.h"
#include "metrics/metric_registry.h"

namespace vleval {

// The outcome for one expression.
struct RecOutcome {
  bool parsed = false;        // the codec read a box
  std::optional<double> iou;  // absent when unparsed or the union is zero
};

RecOutcome ScoreRecSample(const MetricSample& sample, const BoxCodec& codec, Dialect dialect);

// True when `iou` passes threshold `t` under `dialect` (> or >=).
bool RecPasses(const std::optional<double>& iou, double t, Dialect dialect);

MetricEntry RecAccuracyMetric();

}  // namespace vleval
