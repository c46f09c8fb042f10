// The `chair` metric: CHAIR_i, CHAIR_s, Recall and Len over generated image
// descriptions, original variant (LisaAnne/Hallucination with pattern's
// singularize; Recall as Maxlinn/OPERA add it, Len as OPERA defines it).
// scoring.md §3 and §6.
//
// Dialects: MiniGPT-v2 ships no CHAIR code, so `minigptv2` and `official`
// both compute the original variant (same numbers).
//
// Inputs per MetricSample: `output` = the generated caption;
// `reference_objects` = COCO category names of the image's instance
// annotations; `reference_captions` = its COCO reference captions. An image
// with neither has an empty ground truth (every mention is hallucinated).
// Tables (ScoringOptions::resources, file contents, see benchmarks/chair_references.h):
//   chair_synonyms, punkt_abbrev_types, punkt_collocations,
//   punkt_sent_starters, punkt_ortho_context.
//
// Metrics (keys of data_layout.md):
//   chair_i = 100 * hallucinated mentions / mentions (every mention counts)
//   chair_s = 100 * captions with >= 1 hallucinated mention / captions
//   recall  = 100 * sum |set(mentions) & GT| / sum |GT|
//   len     = mean number of tokens per caption after the double-word merge,
//             punctuation included (OPERA's Len as printed, i.e. x100 of its
//             stored 0.01 * mean)
// Where the reference divides by zero (no mention / no GT object in the whole
// run) the value is reported as 0 with a note.
// per_sample: 1 when the caption has a hallucinated mention, else 0.
#pragma once

#include <vector>

#include "core/result.h"
#include "metrics/chair/chair_caption.h"
#include "metrics/dialect.h"
#include "metrics/metric_registry.h"
#include "metrics/metric_sample.h"

namespace vleval::chair {

// Parses the five tables named above from `resources`. Errors name the
// missing key or the malformed line.
Result<ChairTables> ChairTablesFromResources(const std::map<std::string, std::string>& resources);

// Scores `samples` with already parsed tables; TBB-parallel over samples on at
// most `max_threads` threads (0 = all), totals summed in sample order. Errors:
// a reference object that is not a COCO category name (naming the sample).
Result<MetricReport> ScoreChair(const ChairTables& tables, const std::vector<MetricSample>& samples,
                                int max_threads);

}  // namespace vleval::chair

namespace vleval {

// The registry entry for `chair`.
MetricEntry ChairMetric();

}  // namespace vleval
