#include "metrics/hm_accuracy.h"

#include "metrics/binary_accuracy.h"
#include "metrics/python_text.h"
#include "metrics/roc_auc.h"

namespace vleval {
namespace {

// Adds `auroc` from p_yes, or a note when no sample has one.
Status AddAuroc(const std::vector<MetricSample>& samples, MetricReport& report) {
  std::vector<int> labels;
  std::vector<double> scores;
  for (const MetricSample& sample : samples) {
    if (!sample.p_yes) continue;
    labels.push_back(sample.label);
    scores.push_back(*sample.p_yes);
  }
  if (scores.empty()) {
    report.notes.push_back("hm official: no prediction carries p_yes, auroc not computed");
    return {};
  }
  if (scores.size() != samples.size()) {
    for (const MetricSample& sample : samples) {
      if (!sample.p_yes) {
        return Error{"hm_accuracy: sample " + sample.id +
                     " has no p_yes while others do; auroc needs it for every sample"};
      }
    }
  }
  auto auroc = RocAuc(labels, scores);
  if (!auroc.ok()) return Error{"hm_accuracy: " + auroc.error().message};
  report.metrics["auroc"] = *auroc;
  return {};
}

Result<MetricReport> ScoreHm(Dialect dialect, const std::vector<MetricSample>& samples,
                             const ScoringOptions& options) {
  MetricReport report = CountHits(samples.size(), options.max_threads, [&](size_t i) {
    return HmPrediction(samples[i].output) == samples[i].label;
  });
  switch (dialect) {
    case Dialect::kMiniGptV2:
      break;
    case Dialect::kOfficial:
      if (Status status = AddAuroc(samples, report); !status.ok()) return Error{status.message()};
      break;
  }
  return report;
}

}  // namespace

int HmPrediction(std::string_view output) {
  const std::string answer = PyLower(PyStrip(output));
  if (answer == "yes") return 1;
  if (answer == "no") return 0;
  return -1;
}

MetricEntry HmAccuracyMetric() {
  return {"Hateful Memes yes/no accuracy (+ AUROC from p_yes, official)", ScoreHm};
}

}  // namespace vleval
