// Glue from a benchmark Sample (+ its prediction) to the metrics' plain
// MetricSample, the same for every family: the sample's id and References
// (benchmarks/references.h), then the family's completer when its loader
// declares scoring inputs (LoaderEntry::scoring_inputs), then the
// prediction's fields.
#pragma once

#include "benchmarks/loader.h"
#include "benchmarks/sample.h"
#include "core/result.h"
#include "harness/predictions_file.h"
#include "metrics/metric_sample.h"

namespace vleval {

// Reads the family's inputs beyond the samples (adding tables to `options`):
// the completer to pass to ToMetricSample, or null when the family has none.
// Errors name the missing or malformed file.
Result<MetricInputCompleter> PrepareScoringInputs(const TaskFamily& family,
                                                  const std::vector<Sample>& samples,
                                                  ScoringOptions& options);

// The metric input of `sample` without a prediction (an empty output until
// AttachPrediction); its references are copied. `complete` may be null.
// Errors (from the completer) name the sample.
Result<MetricSample> ToMetricSample(const Sample& sample, const MetricInputCompleter& complete);

// As above, moving the references out of `sample` (the caller drops it).
Result<MetricSample> ToMetricSample(Sample&& sample, const MetricInputCompleter& complete);

// Moves the fields of `prediction` that metrics read into `input` (pass a
// copy to keep the record).
void AttachPrediction(PredictionRecord prediction, MetricSample& input);

}  // namespace vleval
