// References: what a sample's scorer needs, as typed fields that loaders
// fill directly. Each family fills only the fields it has (the rest keep
// their defaults); which ones is listed per loader in
// benchmarks/loaders/builtin_loaders.h. A plain struct, so that 200,000
// OK-VQA samples cost their strings and nothing more.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metric_sample.h"

namespace vleval {

struct References {
  // VQA family: the annotators' answers in annotation order (10 for OK-VQA
  // and VizWiz); GQA: one entry, the gold answer.
  std::vector<std::string> answers;
  std::string question_type;      // VQA breakdown key; "" = none
  std::string answer_type;        // VQA / VizWiz breakdown key; "" = none
  std::optional<int> answerable;  // VizWiz: the annotation's flag when it is a number
  // VSR and HM: 0 or 1; IconVQA: the 0-based index of the right choice.
  int label = 0;
  std::vector<std::string> choices;  // IconVQA: the choices in annotation order
  // REC: the referred box in pixels, the image size, and the box as the
  // annotation file wrote it ("[x,y,w,h]", compact JSON) for reports.
  PixelBox box;
  double image_width = 0, image_height = 0;
  std::string box_text;
  std::int64_t image_id = 0;  // CHAIR: the COCO image id
};

// How a family shows a sample's expected answer in reports (per_sample
// lines, the sample browser). Every rule is handled by ReferenceText.
enum class ReferenceTextRule {
  kNone,              // nothing shown (CHAIR)
  kMostCommonAnswer,  // the most frequent of `answers`, first on ties (VQA, VizWiz, GQA)
  kTrueFalse,         // label 1 -> "true", 0 -> "false" (VSR)
  kYesNo,             // label 1 -> "yes", 0 -> "no" (HM)
  kChoice,            // choices[label] (IconVQA)
  kBox,               // box_text (REC)
};

// The reference text of `references` under `rule`; "" when there is none.
std::string ReferenceText(ReferenceTextRule rule, const References& references);

// Copies the reference fields into a metric input (the mapping is the same
// for every family: metrics read only the fields their header names).
void FillMetricReferences(References references, MetricSample& out);

}  // namespace vleval
