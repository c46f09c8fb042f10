// Reading model predictions for scoring (`vleval score`, `vleval run`
// resume): the harness's predictions JSONL (data_layout.md "Predictions
// file") and the OK-VQA output file of the MiniGPT-v2 scripts
// (`[{"answer": ..., "question_id": ...}]`, written by eval_vqa.py).
//
// Every problem is an Error naming the file and the 1-based line (JSONL) or
// entry (JSON array): malformed JSON, a missing or non-integer/non-string
// id, a missing output, a field of the wrong type, a duplicate id, and (when
// streamed onto a task's samples) an id that matches no sample.
// Not thread-safe per object; distinct files may be read concurrently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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
struct PredictionsFile {
  std::filesystem::path path;
  std::vector<PredictionRecord> predictions;  // file order
  std::vector<size_t> lines;                  // per prediction: 1-based line (JSONL) or entry (array)
  std::unordered_map<std::string, size_t> index_by_id;  // id text -> index into predictions
};

// One prediction as read: the record (its "output" is the OK-VQA file's
// "answer"; `each` may move from it), the text of its id and its 1-based
// line (JSONL) or entry (JSON array). An error `each` returns stops the
// reading and is returned as is.
using PredictionFn = std::function<Status(PredictionRecord& record, const std::string& id, std::size_t line)>;

// The harness's JSONL: one object per non-blank line with at least "id" and
// "output"; optional "prompt", "token_ids", "candidates_nll",
// "candidates_tokens", "split_nll", "split_tokens", "prompt_positions",
// "padding_tokens", "p_yes", "p_unanswerable", "attempts"; other keys are ignored (the format is open to
// extension). Streamed in file order, one record in memory at a time.
Status StreamPredictionsJsonl(const std::filesystem::path& path, const PredictionFn& each);

// MiniGPT-v2's OK-VQA output: a JSON array of {"answer", "question_id"}.
Status StreamMiniGptV2AnswerFile(const std::filesystem::path& path, const PredictionFn& each);

// Either format, told apart by the first non-blank byte ('[' = array). A
// path that is not a regular file is an error naming it.
Status StreamPredictionsFile(const std::filesystem::path& path, const PredictionFn& each);

// The whole file in memory, as the three streams above read it, with a
// second use of an id an error naming both lines.
Result<PredictionsFile> ReadPredictionsJsonl(const std::filesystem::path& path);
Result<PredictionsFile> ReadMiniGptV2AnswerFile(const std::filesystem::path& path);
Result<PredictionsFile> ReadPredictionsFile(const std::filesystem::path& path);

// Streams the file (either format) onto a task's samples, whose id texts
// are `sample_ids` in task order: `attach(position, record)` once per
// prediction, with the sample's position (the record may be moved from).
// An id that matches no sample or comes twice is an error naming the file
// and the line. Returns per sample the line of its prediction (0 = none).
// Predictions listed in task order are matched without hashing.
Result<std::vector<std::size_t>> StreamPredictionsToSamples(
    const std::filesystem::path& path, const std::vector<std::string_view>& sample_ids,
    const std::function<void(std::size_t, PredictionRecord&)>& attach);

}  // namespace vleval
