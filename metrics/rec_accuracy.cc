#include "metrics/rec_accuracy.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "metrics/box_iou.h"
#include "metrics/parallel_scoring.h"
#include "metrics/python_numeric.h"

namespace vleval {
namespace {

std::string ThresholdKey(double t) {
  char key[16];
  std::snprintf(key, sizeof key, "acc@%.1f", t);
  return key;
}

Result<MetricReport> ScoreRec(Dialect dialect, const std::vector<MetricSample>& samples,
                              const ScoringOptions& options) {
  auto codec = BoxCodecRegistry().Find(options.box_codec);
  if (!codec.ok()) return Error{"rec_accuracy: " + codec.error().message};
  for (const MetricSample& sample : samples) {
    if (!(sample.image_width > 0 && sample.image_height > 0)) {
      return Error{"rec_accuracy: sample " + sample.id + " has no positive image size"};
    }
  }
  const auto outcomes = ScoreEachSample<RecOutcome>(samples.size(), options.max_threads, [&](size_t i) {
    return ScoreRecSample(samples[i], **codec, dialect);
  });
  MetricReport report;
  const size_t n = samples.size();
  for (double t : {0.3, 0.5, 0.7, 0.9}) {
    std::vector<double> hits;
    hits.reserve(n);
    for (const RecOutcome& outcome : outcomes) hits.push_back(RecPasses(outcome.iou, t, dialect));
    report.metrics[ThresholdKey(t)] = RatioTimesHundred(PythonSum(hits), n);
    if (t == 0.5) report.per_sample = std::move(hits);
  }
  std::vector<double> ious;
  double failures = 0;
  for (const RecOutcome& outcome : outcomes) {
    ious.push_back(std::max(0.0, outcome.iou.value_or(0.0)));
    failures += !outcome.parsed;
  }
  report.metrics["miou"] = RatioTimesHundred(PythonSum(ious), n);
  report.metrics["parse_failures"] = failures;
  return report;
}

}  // namespace

RecOutcome ScoreRecSample(const MetricSample& sample, const BoxCodec& codec, Dialect dialect) {
  auto box = codec.decode(sample.output, sample.image_width, sample.image_height);
  if (!box.ok()) return {};
  const PixelBox& gt = sample.box;
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return {true, InclusivePixelIou(*box, gt)};
    case Dialect::kOfficial:
      return {true, PlainIou(*box, gt)};
  }
  return {};  // not reached: the switch covers every dialect
}

bool RecPasses(const std::optional<double>& iou, double t, Dialect dialect) {
  if (!iou) return false;
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return *iou > t;
    case Dialect::kOfficial:
      return *iou >= t;
  }
  return false;
}

MetricEntry RecAccuracyMetric() {
  return {"REC accuracy at IoU thresholds, mean IoU and parse failures", ScoreRec};
}

}  // namespace vleval
