#include "harness/metric_inputs.h"

#include "core/sample_id.h"

namespace vleval {
namespace {

MetricSample FromPrediction(const Sample& sample, const PredictionRecord* prediction) {
  MetricSample out;
  out.id = SampleIdText(sample.id);
  if (prediction != nullptr) {
    out.output = prediction->output;
    out.p_yes = prediction->p_yes;
    out.p_unanswerable = prediction->p_unanswerable;
    out.candidates_nll = prediction->candidates_nll;
    out.choice_detail = prediction->choice_detail;
  }
  return out;
}

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

Result<MetricSample> ToMetricSample(const Sample& sample, const PredictionRecord* prediction,
                                    const MetricInputCompleter& complete) {
  MetricSample out = FromPrediction(sample, prediction);
  FillMetricReferences(sample.references, out);
  return Complete(sample, complete, std::move(out));
}

Result<MetricSample> ToMetricSample(Sample&& sample, const PredictionRecord* prediction,
                                    const MetricInputCompleter& complete) {
  MetricSample out = FromPrediction(sample, prediction);
  auto completed = Complete(sample, complete, std::move(out));
  if (completed) FillMetricReferences(std::move(sample.references), *completed);
  return completed;
}

}  // namespace vleval
