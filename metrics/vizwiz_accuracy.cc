#include "metrics/vizwiz_accuracy.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "metrics/average_precision.h"
#include "metrics/parallel_scoring.h"
#include "metrics/python_numeric.h"
#include "metrics/python_text.h"
#include "metrics/vqa_accuracy.h"
#include "metrics/vqa_contractions.h"
#include "metrics/vqa_normalize.h"

namespace vleval {
namespace {

constexpr const char* kContractionsResource = "vizwiz_contractions";

// The contraction table from resources, or the VQA table plus a note.
Result<ContractionTable> ContractionsFor(const ScoringOptions& options, MetricReport& report) {
  const auto it = options.resources.find(kContractionsResource);
  if (it == options.resources.end()) {
    report.notes.push_back(
        "vizwiz official: resource 'vizwiz_contractions' not given; the VQA contraction table "
        "(ASCII apostrophes) was used, which differs from VizWiz's on predictions containing a "
        "contraction key");
    return VqaContractions();
  }
  const auto json = nlohmann::json::parse(it->second, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Error{"vizwiz_accuracy: resource 'vizwiz_contractions' is not a JSON object"};
  }
  ContractionTable table;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string()) {
      return Error{"vizwiz_accuracy: contraction '" + key + "' does not map to a string"};
    }
    table.emplace(key, value.get<std::string>());
  }
  return table;
}

Result<MetricReport> ScoreMiniGptV2(const std::vector<MetricSample>& samples, const ScoringOptions& options) {
  MetricReport report;
  report.per_sample = ScoreEachSample<double>(samples.size(), options.max_threads, [&](size_t i) {
    return VizWizMiniGptV2Score(samples[i].answers, samples[i].output);
  });
  report.metrics["accuracy"] = NumpyMean(report.per_sample) * 100.0;
  return report;
}

// Adds the unanswerability AP and F1 from p_unanswerable when the predictions carry it.
Status AddUnanswerability(const std::vector<MetricSample>& samples, MetricReport& report) {
  const bool any =
      std::any_of(samples.begin(), samples.end(), [](const auto& s) { return s.p_unanswerable; });
  if (!any) return {};  // predictions without scores (older runs, other harnesses): accuracy only
  std::vector<int> unanswerable, predicted;
  std::vector<double> scores;
  for (const MetricSample& sample : samples) {
    if (!sample.p_unanswerable) {
      return Error{"vizwiz_accuracy: sample " + sample.id +
                   " has no p_unanswerable while others do; unanswerable_ap needs it for every sample"};
    }
    if (!sample.answerable) {
      report.notes.push_back(
          "vizwiz official: sample " + sample.id +
          " has no 'answerable' annotation; unanswerable_ap and unanswerable_f1 not computed");
      return {};
    }
    const double answerable_score = 1.0 - *sample.p_unanswerable;  // the result file's `answerable`
    unanswerable.push_back(1 - *sample.answerable);
    scores.push_back(1.0 - answerable_score);
    predicted.push_back(1.0 - answerable_score > 0.5);
  }
  auto ap = AveragePrecision(unanswerable, scores);
  if (!ap) return Error{"vizwiz_accuracy: " + ap.error().message};
  auto f1 = F1Score(unanswerable, predicted);
  if (!f1) return Error{"vizwiz_accuracy: " + f1.error().message};
  report.metrics["unanswerable_ap"] = PythonRound(100.0 * *ap, 2);
  report.metrics["unanswerable_f1"] = PythonRound(100.0 * *f1, 2);
  return {};
}

Result<MetricReport> ScoreOfficial(const std::vector<MetricSample>& samples, const ScoringOptions& options) {
  MetricReport notes_only;
  auto contractions = ContractionsFor(options, notes_only);
  if (!contractions.ok()) return contractions.error();
  for (const MetricSample& sample : samples) {
    if (sample.answers.empty()) {
      return Error{"vizwiz_accuracy: sample " + sample.id + " has no reference answers"};
    }
  }
  const auto accuracies = ScoreEachSample<double>(samples.size(), options.max_threads, [&](size_t i) {
    const std::string cleaned = PyStrip(PyReplace(PyReplace(samples[i].output, "\n", " "), "\t", " "));
    return LeaveOneOutAccuracy(samples[i].answers, VqaNormalizeAnswer(cleaned, *contractions),
                               /*case_insensitive=*/false);
  });
  MetricReport report = VqaStyleReport(accuracies, samples);
  report.breakdowns.erase("question_type");
  report.notes = std::move(notes_only.notes);
  if (auto status = AddUnanswerability(samples, report); !status) return Error{status.message()};
  return report;
}

Result<MetricReport> ScoreVizWiz(Dialect dialect, const std::vector<MetricSample>& samples,
                                 const ScoringOptions& options) {
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return ScoreMiniGptV2(samples, options);
    case Dialect::kOfficial:
      return ScoreOfficial(samples, options);
  }
  return Error{"vizwiz_accuracy: unknown dialect"};
}

}  // namespace

double VizWizMiniGptV2Score(const std::vector<std::string>& answers, std::string_view output) {
  const std::string wanted = PyLower(PyStrip(output));
  int count = 0;
  for (const std::string& piece : PySplitOn(PyJoin(answers, "_"), "_")) {
    count += PyLower(piece) == wanted;
  }
  return std::min(count / 3.0, 1.0);
}

MetricEntry VizWizAccuracyMetric() {
  return {"VizWiz accuracy: MiniGPT-v2 match count or the official leave-one-out", ScoreVizWiz};
}

}  // namespace vleval
