#include "metrics/gqa_exact_match.h"

#include "metrics/binary_accuracy.h"
#include "metrics/python_text.h"

namespace vleval {
namespace {

Result<MetricReport> ScoreGqa(Dialect dialect, const std::vector<MetricSample>& samples,
                              const ScoringOptions& options) {
  for (const MetricSample& sample : samples) {
    if (sample.answers.empty()) {
      return Error{"gqa_exact_match: sample " + sample.id + " has no gold answer"};
    }
  }
  return CountHits(samples.size(), options.max_threads, [&](size_t i) {
    return GqaIsMatch(samples[i].output, samples[i].answers.front(), dialect);
  });
}

}  // namespace

bool GqaIsMatch(std::string_view output, const std::string& gold, Dialect dialect) {
  const std::string answer = PyStrip(output);
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return PyLower(answer) == gold;
    case Dialect::kOfficial:
      return PyLower(PyRstripChars(answer, ".")) == gold;
  }
  return false;
}

MetricEntry GqaExactMatchMetric() { return {"GQA exact match of the lower-cased answer", ScoreGqa}; }

}  // namespace vleval
