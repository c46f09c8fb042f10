// PredictionRecord: the one type of a sample's prediction, whoever made it:
// `vleval run`'s journal, a predictions file given to `vleval score` or to
// the replay backend (harness/predictions_file.h reads those).
//
// One line of a predictions file as `vleval run` writes it: the record of
// data_layout.md ("id", "prompt", "output" and the optional model fields)
// followed by a "crc32" field, the CRC-32 (zlib) of the line's bytes without
// that field, so a torn or altered line is detected when a run resumes.
//
// Line layout, fixed so that equal records give equal bytes:
//   {"id":<id>,"prompt":"...","output":"..."[,"token_ids":[...]]
//    [,"candidates_nll":[...]][,"candidates_tokens":[...]][,"split_nll":[...]]
//    [,"split_tokens":[...]][,"prompt_positions":n][,"padding_tokens":n]
//    [,"p_yes":x][,"p_unanswerable":x][,"attempts":n][,"image_truncated":true]
//    ,"crc32":"<8 hex>"}
// Readers that ignore unknown keys (ReadPredictionsJsonl) read it as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct PredictionRecord {
  nlohmann::json id;                   // the sample id (integer or string)
  std::string prompt;                  // the wrapped prompt sent to the model
  std::string output;                  // raw model text
  std::vector<int64_t> token_ids;      // generated ids; omitted when empty
  std::vector<double> candidates_nll;  // IconVQA; omitted when empty
  // IconVQA: token counts for the minigptv2 ranking (metrics/iconvqa_choice.h);
  // each part omitted when empty.
  ChoiceScoringDetail choice_detail;
  std::optional<double> p_yes;           // HM: first-token probability of "yes"
  std::optional<double> p_unanswerable;  // VizWiz: first-token probability of "unanswerable"
  std::optional<int> attempts;           // REC: resampling rounds used (0 = first pass)
  // The sample's image file was truncated (image::RgbImage::truncated): it was
  // decoded as far as its data went. Written only when true.
  bool image_truncated = false;
};

// The field that holds the first-token probability of `candidate` (a task
// config's generation.first_token_probability): "yes" -> p_yes,
// "unanswerable" -> p_unanswerable; nullptr for any other candidate.
std::optional<double>* FirstTokenProbabilityField(PredictionRecord& record, const std::string& candidate);

// The line for `record`, without the trailing newline.
std::string FormatRecordLine(const PredictionRecord& record);

// Parses a line written by FormatRecordLine. A missing or wrong checksum, bad
// JSON or a mistyped field is an error (the caller adds file and line).
Result<PredictionRecord> ParseRecordLine(std::string_view line);

}  // namespace vleval
