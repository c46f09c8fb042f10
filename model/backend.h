// The model backend as the harness sees it: batches of requests in, texts,
// token ids and candidate scores out. Torch-free, so the harness and the
// benchmark adapters never include libtorch headers. A request carries the
// image as the harness read it (the file's bytes, its MIME type, the decoded
// pixels at the file's size); each backend prepares it as its model needs
// (MiniGPT-v2: bicubic resize and CLIP normalisation; a served model: the
// bytes as a data: URL). Backends are found by name in the registry
// (model/backend_registry.h).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval {

// One image as the harness read it. Owned by the harness; requests borrow it
// through a pointer that must outlive the backend call.
struct ImageInput {
  // The file's bytes, unchanged; shared so that several requests (REC
  // resampling rounds) and a cache can hold them without copying. May be
  // null for images made in memory (tests).
  std::shared_ptr<const std::string> file_bytes;
  std::string mime_type;   // of file_bytes: "image/jpeg" or "image/png"
  image::RgbImage pixels;  // decoded as Image.open(path).convert('RGB'), at the file's size
};

// `task_text` is the identifier and the filled instruction (e.g. "[vqa]
// What is on the table?"); `prompt` is task_text inside the model's chat
// template (e.g. "<s>[INST] <Img><ImageHere></Img> [vqa] ... [/INST]"), with
// exactly one "<ImageHere>" where the image embeddings go. A backend that
// applies its own template (a served model) sends task_text; one that takes
// the rendered prompt (MiniGPT-v2) sends prompt.
struct GenerateRequest {
  GenerateRequest() = default;
  GenerateRequest(const ImageInput* image_in, std::string task_text_in, std::string prompt_in,
                  int max_new_tokens_in)
      : image(image_in),
        task_text(std::move(task_text_in)),
        prompt(std::move(prompt_in)),
        max_new_tokens(max_new_tokens_in) {}

  const ImageInput* image = nullptr;
  std::string task_text;
  std::string prompt;
  int max_new_tokens = 20;
  // Texts whose first token's log-probability at the first answer position
  // is reported in GenerateResult::first_token_logprob (HM: {"yes"}), from
  // the same pass that generates. MiniGPT-v2 tokenizes each as text + "</s>".
  std::vector<std::string> first_token_texts;
  // Nonzero: names this image's content for the backend's reuse of its
  // preparation (MiniGPT-v2: the image embeddings). A request with the key of
  // a request of the previous call (or of this one) may reuse that image's
  // preparation (REC resampling rounds). The caller keeps keys unique per
  // image content.
  uint64_t image_key = 0;
};

struct GenerateResult {
  std::string text;                // decoded answer, as the official code post-processes it
  std::vector<int32_t> token_ids;  // generated ids, up to and including EOS when it came (may be empty)
  std::vector<int32_t> prompt_token_ids;    // text ids before the image, then after it (image excluded)
  std::vector<double> first_token_logprob;  // per first_token_texts entry (natural log)
};

struct ScoreRequest {
  const ImageInput* image = nullptr;
  std::string task_text;                // as GenerateRequest
  std::string prompt;                   // as GenerateRequest
  std::vector<std::string> candidates;  // answers; MiniGPT-v2 scores each as candidate + "</s>"
};

struct ScoreResult {
  // Per candidate: summed negative log-likelihood (natural log) of its tokens
  // and the EOS after them, given the prompt (IconVQA ranking).
  std::vector<double> candidates_nll;
  // Per candidate: log-probability of its first token at the first answer
  // position (HM: p_yes = exp of the "yes" candidate's value).
  std::vector<double> first_token_logprob;
  // Per candidate: the number of answer tokens scored (its ids and the EOS
  // after them), the length of that candidate in the scripts' padded
  // training-style pass (IconVQA's minigptv2 ranking, metrics/iconvqa_choice.h).
  // Empty when the backend cannot tell (the ranking then falls back).
  std::vector<int> candidates_tokens;
  // Positions of the context every candidate follows: the added and the
  // literal BOS, the prompt's text ids and the image embedding positions
  // (0 when the backend cannot tell).
  int prompt_positions = 0;
};

// What a backend can serve. A task whose request kind needs a capability the
// backend lacks fails at the start of the run (CheckCapabilities,
// model/backend_registry.h).
struct BackendCapabilities {
  bool generate = false;                   // Generate
  bool score_candidates = false;           // ScoreCandidates
  bool first_token_probabilities = false;  // GenerateRequest::first_token_texts answered
};

// An opened model. Not thread-safe: one caller at a time. Outputs of a
// request do not depend on the other requests of its batch. Bad requests (no
// image, an image that cannot be prepared, no or several "<ImageHere>" where
// the backend needs one, an empty candidate) fail the call with a message
// naming the request's index; so does a failure inside the model (a libtorch
// error, CUDA out of memory: the message then suggests a smaller
// --batch-size; a server error). Calls never throw.
class ModelBackend {
 public:
  virtual ~ModelBackend() = default;
  // Greedy decoding: EOS is forbidden at the first step, a row stops at EOS or
  // after its max_new_tokens.
  virtual Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) = 0;
  // Only called when capabilities().score_candidates.
  virtual Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) = 0;
  virtual BackendCapabilities capabilities() const = 0;
  // Samples per call the backend serves best (a served model: its request
  // concurrency); 0 = the task's batch size. --batch-size overrides both.
  virtual int preferred_batch_size() const { return 0; }
};

}  // namespace vleval
