#include "metrics/iconvqa_choice.h"

#include <algorithm>
#include <cmath>

#include "metrics/binary_accuracy.h"
#include "metrics/dialect.h"
#include "metrics/python_text.h"

namespace vleval {
namespace {

// One sample's candidates as the scripts score them: NLL and tokens each.
struct ScoredCandidates {
  const std::vector<double>* nll = nullptr;
  const std::vector<int>* tokens = nullptr;
  int prompt_positions = 0;
  int padding_tokens = 0;
};

// The sample's candidates, or nullopt when its pieces hold an empty one that
// the model backends do not score (the sample is then wrong).
Result<std::optional<ScoredCandidates>> CandidatesOf(const MetricSample& sample) {
  const ChoiceScoringDetail& detail = sample.choice_detail;
  const auto where = "iconvqa_choice: sample " + sample.id + ": ";
  if (!detail.prompt_positions || !detail.padding_tokens ||
      detail.tokens.size() != sample.candidates_nll.size())
    return Error{where +
                 "no token counts for the minigptv2 ranking (prompt_positions, padding_tokens, "
                 "candidates_tokens)"};
  ScoredCandidates scored{&sample.candidates_nll, &detail.tokens, *detail.prompt_positions,
                          *detail.padding_tokens};
  const auto pieces = IconVqaMiniGptV2Candidates(sample.choices);
  if (!sample.choices.empty() && pieces != sample.choices) {
    if (!IconVqaPiecesScorable(pieces) && detail.split_nll.empty()) return std::optional<ScoredCandidates>();
    if (detail.split_nll.size() != pieces.size() || detail.split_tokens.size() != pieces.size()) {
      return Error{where +
                   "a choice contains \"_\": the minigptv2 ranking needs split_nll and split_tokens for " +
                   std::to_string(pieces.size()) + " pieces"};
    }
    scored.nll = &detail.split_nll;
    scored.tokens = &detail.split_tokens;
  }
  return std::optional<ScoredCandidates>(scored);
}

// Ranks samples [begin, end), one batch of the scripts, into `top`.
Status RankBatch(const std::vector<MetricSample>& samples, size_t begin, size_t end, std::vector<int>& top) {
  std::vector<std::optional<ScoredCandidates>> batch(end - begin);
  int max_prompt = 0;
  size_t max_count = 0;
  for (size_t i = begin; i < end; ++i) {
    if (samples[i].candidates_nll.empty()) continue;  // no prediction: wrong, outside the batch's passes
    auto scored = CandidatesOf(samples[i]);
    if (!scored) return scored.error();
    if (!*scored) continue;  // an empty piece: wrong, outside the batch's passes
    max_prompt = std::max(max_prompt, (*scored)->prompt_positions);
    max_count = std::max(max_count, (*scored)->nll->size());
    batch[i - begin] = *scored;
  }
  std::vector<std::vector<double>> losses(batch.size(), std::vector<double>(max_count));
  for (size_t c = 0; c < max_count; ++c) {
    int max_answer = 0;
    for (const auto& scored : batch) {
      if (scored)
        max_answer =
            std::max(max_answer, c < scored->tokens->size() ? (*scored->tokens)[c] : scored->padding_tokens);
    }
    const double positions = static_cast<double>(max_prompt - 1 + max_answer);
    for (size_t k = 0; k < batch.size(); ++k) {
      if (!batch[k]) continue;
      losses[k][c] = c < batch[k]->nll->size() ? (*batch[k]->nll)[c] / positions : kIconVqaPaddedLoss;
    }
  }
  for (size_t k = 0; k < batch.size(); ++k) top[begin + k] = batch[k] ? IconVqaBestChoice(losses[k]) : -1;
  return {};
}

bool HasDetail(const MetricSample& sample) { return !sample.choice_detail.empty(); }

Result<MetricReport> ScoreIconVqa(Dialect dialect, const std::vector<MetricSample>& samples,
                                  const ScoringOptions& options) {
  const bool minigptv2 = FollowsMiniGptV2Scripts(dialect);  // the scripts' batch mean loss ranking
  const bool any_detail = std::any_of(samples.begin(), samples.end(), HasDetail);
  if (minigptv2 && any_detail) {
    auto top = IconVqaMiniGptV2Ranking(samples);
    if (!top) return top.error();
    MetricReport report = CountHits(samples.size(), options.max_threads, [&](size_t i) {
      return (*top)[i] >= 0 && (*top)[i] == samples[i].label;
    });
    const auto unscorable = std::count_if(samples.begin(), samples.end(), [](const MetricSample& sample) {
      return !sample.candidates_nll.empty() &&
             !IconVqaPiecesScorable(IconVqaMiniGptV2Candidates(sample.choices));
    });
    if (unscorable > 0) {
      report.notes.push_back(
          "iconvqa minigptv2: " + std::to_string(unscorable) +
          " samples whose choices split on \"_\" into an empty candidate were counted wrong "
          "(the model backends do not score an empty answer)");
    }
    return report;
  }
  MetricReport report = CountHits(samples.size(), options.max_threads, [&](size_t i) {
    const int best = IconVqaBestChoice(samples[i].candidates_nll);
    return best >= 0 && best == samples[i].label;
  });
  if (minigptv2) {
    report.notes.push_back(
        "iconvqa minigptv2: the predictions carry no token counts (written before vleval recorded them); "
        "ranked by summed NLL, which approximates the scripts' batch-dependent mean loss");
  }
  return report;
}

}  // namespace

std::vector<std::string> IconVqaMiniGptV2Candidates(const std::vector<std::string>& choices) {
  return PySplitOn(PyJoin(choices, "_"), "_");
}

bool IconVqaPiecesScorable(const std::vector<std::string>& pieces) {
  return std::none_of(pieces.begin(), pieces.end(), [](const std::string& piece) { return piece.empty(); });
}

int IconVqaBestChoice(const std::vector<double>& candidates_nll) {
  int best = -1;
  for (size_t i = 0; i < candidates_nll.size(); ++i) {
    if (std::isnan(candidates_nll[i])) return -1;
    if (best < 0 || candidates_nll[i] < candidates_nll[best]) best = static_cast<int>(i);
  }
  return best;
}

Result<std::vector<int>> IconVqaMiniGptV2Ranking(const std::vector<MetricSample>& samples) {
  std::vector<int> top(samples.size(), -1);
  for (size_t begin = 0; begin < samples.size(); begin += kIconVqaMiniGptV2Batch) {
    const size_t end = std::min(samples.size(), begin + static_cast<size_t>(kIconVqaMiniGptV2Batch));
    if (auto status = RankBatch(samples, begin, end, top); !status) return Error{status.message()};
  }
  return top;
}

MetricEntry IconVqaChoiceMetric() {
  return {"IconVQA choice accuracy: the scripts' batch mean loss (minigptv2) or summed NLL (official)",
          ScoreIconVqa};
}

}  // namespace vleval
