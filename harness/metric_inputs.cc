#include "harness/metric_inputs.h"

#include "core/sample_id.h"

namespace vleval {
namespace {

Result<MetricSample> Complete(const Sample& sample, const MetricInputCompleter& complete, MetricSample out) {
  if (complete) {
    if (auto status = complete(sample, out); !status) return Error{status.message()};
  }
  return out;
}

}  // namespace

Result<MetricInputCompleter> PrepareScoringInputs(const TaskFamily& family,
                                                  const std::vector<Sample>& samples,
                                                  ScoringOptions& options) {
  if (!family.entry->scoring_inputs) return MetricInputCompleter();
  return family.entry->scoring_inputs(family.input, samples, options);
}

Result<MetricSample> ToMetricSample(const Sample& sample, const MetricInputCompleter& complete) {
  MetricSample out;
  out.id = SampleIdText(sample.id);
  FillMetricReferences(sample.references, out);
  return Complete(sample, complete, std::move(out));
}

Result<MetricSample> ToMetricSample(Sample&& sample, const MetricInputCompleter& complete) {
  MetricSample out;
  out.id = SampleIdText(sample.id);
  auto completed = Complete(sample, complete, std::move(out));
  if (completed) FillMetricReferences(std::move(sample.references), *completed);
  return completed;
}

void AttachPrediction(PredictionRecord prediction, MetricSample& input) {
  input.output = std::move(prediction.output);
  input.p_yes = prediction.p_yes;
  input.p_unanswerable = prediction.p_unanswerable;
  input.candidates_nll = std::move(prediction.candidates_nll);
  input.choice_detail = std::move(prediction.choice_detail);
}

}  // namespace vleval
