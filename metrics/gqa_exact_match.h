// GQA exact match (metric `gqa_exact_match`), scoring.md §2.4.
//
// Dialects (the gold answer is answers[0], used as-is):
//  minigptv2  eval_vqa.py: lower(strip(output)) == gold; "yes." != "yes".
//  official   the official GQA eval.py fed as LLaVA's convert_gqa_for_eval.py
//             feeds it: lower(rstrip(strip(output), ".")) == gold.
// accuracy = count/total*100; per-sample 0/1. A sample without a gold answer
// is an error naming it.
#pragma once

#include <string>
#include <string_view>

#include "metrics/dialect.h"
#include "metrics/metric_registry.h"

namespace vleval {

bool GqaIsMatch(std::string_view output, const std::string& gold, Dialect dialect);

MetricEntry GqaExactMatchMetric();

}  // namespace vleval
