#include "benchmarks/references.h"

#include <map>

namespace vleval {
namespace {

std::string MostCommon(const std::vector<std::string>& answers) {
  std::map<std::string, int> counts;
  std::string best;
  for (const auto& answer : answers) {
    const int count = ++counts[answer];
    if (count > counts[best] || best.empty()) best = answer;
  }
  return best;
}

}  // namespace

std::string ReferenceText(ReferenceTextRule rule, const References& references) {
  switch (rule) {
    case ReferenceTextRule::kNone:
      return "";
    case ReferenceTextRule::kMostCommonAnswer:
      return MostCommon(references.answers);
    case ReferenceTextRule::kTrueFalse:
      return references.label == 1 ? "true" : "false";
    case ReferenceTextRule::kYesNo:
      return references.label == 1 ? "yes" : "no";
    case ReferenceTextRule::kChoice: {
      const auto index = static_cast<std::size_t>(references.label);
      return references.label >= 0 && index < references.choices.size() ? references.choices[index] : "";
    }
    case ReferenceTextRule::kBox:
      return references.box_text;
  }
  return "";
}

void FillMetricReferences(References references, MetricSample& out) {
  out.answers = std::move(references.answers);
  out.question_type = std::move(references.question_type);
  out.answer_type = std::move(references.answer_type);
  out.answerable = references.answerable;
  out.label = references.label;
  out.choices = std::move(references.choices);
  out.box = references.box;
  out.image_width = references.image_width;
  out.image_height = references.image_height;
}

}  // namespace vleval
