#include "metrics/vqa_accuracy.h"

#include <algorithm>
#include <map>
#include <set>

#include "metrics/parallel_scoring.h"
#include "metrics/python_numeric.h"
#include "metrics/python_text.h"
#include "metrics/vqa_answer_table.h"
#include "metrics/vqa_normalize.h"

namespace vleval {
namespace {

// ansDic['answer'].replace('\n', ' ').replace('\t', ' ').strip()
std::string CleanWhitespace(std::string_view text) {
  return PyStrip(PyReplace(PyReplace(text, "\n", " "), "\t", " "));
}

// eval_vqa.py's post-processing of the generated answer.
std::string MiniGptV2Prediction(std::string_view output) {
  return PyStrip(PyReplace(PyLower(output), "<unk>", ""));
}

double RoundedPercentOfMean(const std::vector<double>& accuracies) {
  return PythonRound(HundredTimesSumOverN(PythonSum(accuracies), accuracies.size()), 2);
}

std::map<std::string, double> Breakdown(const std::vector<double>& accuracies,
                                        const std::vector<MetricSample>& samples,
                                        std::string MetricSample::*key) {
  std::map<std::string, std::vector<double>> groups;
  for (size_t i = 0; i < samples.size(); ++i) {
    const std::string& group = samples[i].*key;
    if (!group.empty()) groups[group].push_back(accuracies[i]);
  }
  std::map<std::string, double> result;
  for (const auto& [group, values] : groups) result[group] = RoundedPercentOfMean(values);
  return result;
}

Result<MetricReport> ScoreVqa(Dialect dialect, const std::vector<MetricSample>& samples,
                              const ScoringOptions& options) {
  for (const MetricSample& sample : samples) {
    if (sample.answers.empty()) {
      return Error{"vqa_accuracy: sample " + sample.id + " has no reference answers"};
    }
  }
  const VqaAnswerTable table(samples, dialect, options.max_threads);
  const auto accuracies = ScoreEachSample<double>(samples.size(), options.max_threads,
                                                  [&](size_t i) { return table.Accuracy(i); });
  return VqaStyleReport(accuracies, samples);
}

}  // namespace

double LeaveOneOutAccuracy(const std::vector<std::string>& answers, std::string_view prediction,
                           bool case_insensitive) {
  const std::string wanted = case_insensitive ? PyLower(prediction) : std::string(prediction);
  std::vector<char> matches(answers.size());
  int total_matches = 0;
  for (size_t j = 0; j < answers.size(); ++j) {
    matches[j] = (case_insensitive ? PyLower(answers[j]) : answers[j]) == wanted;
    total_matches += matches[j];
  }
  double sum = 0.0;  // Python: sum() of the per-annotator list, left to right
  for (size_t i = 0; i < answers.size(); ++i) {
    const double others = total_matches - matches[i];
    sum += std::min(1.0, others / 3.0);
  }
  return sum / static_cast<double>(answers.size());
}

double VqaQuestionAccuracy(const std::vector<std::string>& answers, std::string_view prediction,
                           Dialect dialect) {
  const bool minigptv2 = FollowsMiniGptV2Scripts(dialect);  // eval_vqa.py's post-processing, lower-case match
  std::string result = CleanWhitespace(minigptv2 ? MiniGptV2Prediction(prediction) : std::string(prediction));
  std::vector<std::string> gt;
  gt.reserve(answers.size());
  for (const std::string& answer : answers) gt.push_back(CleanWhitespace(answer));
  if (std::set<std::string>(gt.begin(), gt.end()).size() > 1) {
    for (std::string& answer : gt) answer = VqaNormalizeAnswer(answer);
    result = VqaNormalizeAnswer(result);
  }
  return LeaveOneOutAccuracy(gt, result, /*case_insensitive=*/minigptv2);
}

MetricReport VqaStyleReport(const std::vector<double>& accuracies, const std::vector<MetricSample>& samples) {
  MetricReport report;
  report.metrics["accuracy"] = RoundedPercentOfMean(accuracies);
  const auto by_question = Breakdown(accuracies, samples, &MetricSample::question_type);
  if (!by_question.empty()) report.breakdowns["question_type"] = by_question;
  const auto by_answer = Breakdown(accuracies, samples, &MetricSample::answer_type);
  if (!by_answer.empty()) report.breakdowns["answer_type"] = by_answer;
  report.per_sample.reserve(accuracies.size());
  for (double accuracy : accuracies) report.per_sample.push_back(PythonRound(100.0 * accuracy, 2));
  return report;
}

MetricEntry VqaAccuracyMetric() {
  return {"VQA accuracy: leave-one-out over annotators, official normalisation", ScoreVqa};
}

}  // namespace vleval
