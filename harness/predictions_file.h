// Reading model predictions for scoring (`vleval score`, `vleval run`
// resume): the harness's predictions JSONL (data_layout.md "Predictions
// file") and the OK-VQA output file of the MiniGPT-v2 scripts
// (`[{"answer": ..., "question_id": ...}]`, written by eval_vqa.py).
//
// Every problem is an Error naming the file and the 1-based line (JSONL) or
// entry (JSON array): malformed JSON, a missing or non-integer/non-string
// id, a missing output, a field of the wrong type, a duplicate id. Ids that
// match no sample are found by MatchPredictions once the samples are known.
// Not thread-safe per object; distinct files may be read concurrently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "harness/run/prediction_record.h"

namespace vleval {

// The predictions of a file (harness/run/prediction_record.h: "output" is
// the OK-VQA file's "answer"). Ids are compared as text (core/sample_id.h:
// a JSON string as is, an integer in decimal, so 42 and "42" are the same
// sample).
// Hashes std::string and std::string_view alike, so that the id index is
// searched with a view (no string built per lookup).
struct IdTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

struct PredictionsFile {
  std::filesystem::path path;
  std::vector<PredictionRecord> predictions;  // file order
  std::vector<size_t> lines;                  // per prediction: 1-based line (JSONL) or entry (array)
  std::unordered_map<std::string, size_t, IdTextHash, std::equal_to<>> index_by_id;  // id text -> index into predictions
};

// The harness's JSONL: one object per non-blank line with at least "id" and
// "output"; optional "prompt", "token_ids", "candidates_nll",
// "candidates_tokens", "split_nll", "split_tokens", "prompt_positions",
// "padding_tokens", "p_yes", "p_unanswerable", "attempts"; other keys are ignored (the format is open to
// extension).
Result<PredictionsFile> ReadPredictionsJsonl(const std::filesystem::path& path);

// MiniGPT-v2's OK-VQA output: a JSON array of {"answer", "question_id"}.
Result<PredictionsFile> ReadMiniGptV2AnswerFile(const std::filesystem::path& path);

// Either format, told apart by the first non-blank byte ('[' = array).
Result<PredictionsFile> ReadPredictionsFile(const std::filesystem::path& path);

// The prediction for each sample id, in `sample_ids` order, nullptr where
// the file has none (the caller counts those as failures). An id in the
// file that is not among `sample_ids` is an error naming it and its line.
Result<std::vector<const PredictionRecord*>> MatchPredictions(const PredictionsFile& file,
                                                              const std::vector<std::string_view>& sample_ids);

}  // namespace vleval
