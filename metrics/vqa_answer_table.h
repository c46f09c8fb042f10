// VQA accuracy over many questions with each distinct string normalised
// once (answers repeat heavily in real annotation files): the strings of
// every sample are interned, their whitespace clean-up and official
// normalisation (vqa_normalize.h) run once per distinct string in parallel
// with TBB, and each question is then scored on integer ids. The numbers are
// those of VqaQuestionAccuracy bit for bit: same unanimity gate, same
// comparisons, same left-to-right sum over annotators.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "metrics/dialect.h"
#include "metrics/metric_sample.h"

namespace vleval {

class VqaAnswerTable {
 public:
  // Interns the answers and the outputs of `samples` (which must outlive
  // the table) under `dialect`, on at most `max_threads` threads (0 = TBB's
  // default). Precondition: every sample has at least one answer.
  VqaAnswerTable(const std::vector<MetricSample>& samples, Dialect dialect, int max_threads);

  // VqaQuestionAccuracy(samples[i].answers, samples[i].output, dialect).
  // Thread-safe.
  double Accuracy(std::size_t i) const;

 private:
  // What the scorer compares of one distinct string.
  struct Forms {
    std::uint32_t clean = 0;       // the cleaned string (the unanimity gate is case-sensitive)
    std::uint32_t match_raw = 0;   // compared when the answers are unanimous
    std::uint32_t match_norm = 0;  // compared otherwise (normalised)
  };

  std::vector<std::string> predictions_;       // outputs as the dialect prepares them
  std::vector<std::uint32_t> answer_ids_;      // every sample's answers, concatenated
  std::vector<std::size_t> answer_begin_;      // sample i: [answer_begin_[i], answer_begin_[i + 1])
  std::vector<std::uint32_t> prediction_ids_;  // per sample
  std::vector<Forms> forms_;                   // per distinct string
};

}  // namespace vleval
