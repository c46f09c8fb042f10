#include "metrics/vqa_answer_table.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "metrics/parallel_scoring.h"
#include "metrics/python_text.h"
#include "metrics/vqa_normalize.h"

namespace vleval {
namespace {

// Ids for strings, in order of first sight. Views must outlive the table.
class Interner {
 public:
  std::uint32_t Id(std::string_view text) {
    const auto [it, added] = ids_.try_emplace(text, static_cast<std::uint32_t>(texts_.size()));
    if (added) texts_.push_back(text);
    return it->second;
  }
  const std::vector<std::string_view>& texts() const { return texts_; }

 private:
  std::unordered_map<std::string_view, std::uint32_t> ids_;
  std::vector<std::string_view> texts_;
};

// The three strings VqaQuestionAccuracy compares for one distinct input.
struct Strings {
  std::string clean, match_raw, match_norm;
};

Strings FormsOf(std::string_view text, bool minigptv2) {
  Strings out;
  out.clean = PyStrip(PyReplace(PyReplace(text, "\n", " "), "\t", " "));
  const std::string normalised = VqaNormalizeAnswer(out.clean);
  out.match_raw = minigptv2 ? PyLower(out.clean) : out.clean;
  out.match_norm = minigptv2 ? PyLower(normalised) : normalised;
  return out;
}

}  // namespace

VqaAnswerTable::VqaAnswerTable(const std::vector<MetricSample>& samples, Dialect dialect, int max_threads) {
  const bool minigptv2 = FollowsMiniGptV2Scripts(dialect);  // eval_vqa.py's post-processing, lower-case match
  // eval_vqa.py's post-processing of the generated answer (per sample: the
  // outputs are few next to the answers).
  predictions_ = ScoreEachSample<std::string>(samples.size(), max_threads, [&](std::size_t i) {
    return minigptv2 ? PyStrip(PyReplace(PyLower(samples[i].output), "<unk>", "")) : samples[i].output;
  });
  Interner distinct;
  answer_begin_.reserve(samples.size() + 1);
  prediction_ids_.reserve(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    answer_begin_.push_back(answer_ids_.size());
    for (const std::string& answer : samples[i].answers) answer_ids_.push_back(distinct.Id(answer));
    prediction_ids_.push_back(distinct.Id(predictions_[i]));
  }
  answer_begin_.push_back(answer_ids_.size());

  const auto& texts = distinct.texts();
  const auto strings = ScoreEachSample<Strings>(texts.size(), max_threads,
                                                [&](std::size_t k) { return FormsOf(texts[k], minigptv2); });
  Interner forms;  // views into `strings`, alive for this loop
  forms_.resize(texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k) {
    forms_[k] = {forms.Id(strings[k].clean), forms.Id(strings[k].match_raw), forms.Id(strings[k].match_norm)};
  }
}

double VqaAnswerTable::Accuracy(std::size_t i) const {
  const std::uint32_t* begin = answer_ids_.data() + answer_begin_[i];
  const std::uint32_t* end = answer_ids_.data() + answer_begin_[i + 1];
  const std::uint32_t first_clean = forms_[*begin].clean;
  const bool unanimous =
      std::all_of(begin, end, [&](std::uint32_t id) { return forms_[id].clean == first_clean; });
  auto key = [&](std::uint32_t id) { return unanimous ? forms_[id].match_raw : forms_[id].match_norm; };
  const std::uint32_t wanted = key(prediction_ids_[i]);
  int total_matches = 0;
  for (const std::uint32_t* id = begin; id != end; ++id) total_matches += key(*id) == wanted;
  double sum = 0.0;  // Python: sum() of the per-annotator list, left to right
  for (const std::uint32_t* id = begin; id != end; ++id) {
    const double others = total_matches - (key(*id) == wanted ? 1 : 0);
    sum += std::min(1.0, others / 3.0);
  }
  return sum / static_cast<double>(end - begin);
}

}  // namespace vleval
