#include "metrics/metric_registry.h"

#include "metrics/chair/chair_metric.h"
#include "metrics/gqa_exact_match.h"
#include "metrics/hm_accuracy.h"
#include "metrics/iconvqa_choice.h"
#include "metrics/rec_accuracy.h"
#include "metrics/vizwiz_accuracy.h"
#include "metrics/vqa_accuracy.h"
#include "metrics/vsr_accuracy.h"

namespace vleval {
namespace {

Registry<MetricEntry> BuildMetricRegistry() {
  Registry<MetricEntry> registry("metric");
  registry.Add("vqa_accuracy", VqaAccuracyMetric());
  registry.Add("vizwiz_accuracy", VizWizAccuracyMetric());
  registry.Add("gqa_exact_match", GqaExactMatchMetric());
  registry.Add("vsr_accuracy", VsrAccuracyMetric());
  registry.Add("hm_accuracy", HmAccuracyMetric());
  registry.Add("iconvqa_choice", IconVqaChoiceMetric());
  registry.Add("rec_accuracy", RecAccuracyMetric());
  registry.Add("chair", ChairMetric());
  return registry;
}

}  // namespace

const Registry<MetricEntry>& MetricRegistry() {
  static const Registry<MetricEntry> registry = BuildMetricRegistry();
  return registry;
}

Result<MetricReport> Score(const std::string& metric, Dialect dialect,
                           const std::vector<MetricSample>& samples, const ScoringOptions& options) {
  auto entry = MetricRegistry().Find(metric);
  if (!entry.ok()) return entry.error();
  if (samples.empty()) return Error{"metric " + metric + ": no samples to score"};
  return (*entry)->score(dialect, samples, options);
}

}  // namespace vleval
