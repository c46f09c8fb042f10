// The model backend as the harness sees it: batches of requests in, texts,
// token ids and candidate scores out. Torch-free, so the harness and the
// benchmark adapters never include libtorch headers; the MiniGPT-v2
// implementation (libtorch) lives behind LoadMiniGptV2Backend
// (model/minigptv2_backend.h).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval {

// A prompt holds exactly one "<ImageHere>", where the image embeddings go;
// e.g. "<s>[INST] <Img><ImageHere></Img> {question} [/INST]". The image is
// borrowed: it must outlive the call.
struct GenerateRequest {
  GenerateRequest() = default;
  GenerateRequest(const image::ChwFloatImage* image_in, std::string prompt_in, int max_new_tokens_in)
      : image(image_in), prompt(std::move(prompt_in)), max_new_tokens(max_new_tokens_in) {}

  const image::ChwFloatImage* image = nullptr;  // 3 x S x S, CLIP-normalised
  std::string prompt;
  int max_new_tokens = 20;
  // Texts whose first token's log-probability at the first answer position
  // is reported in GenerateResult::first_token_logprob (HM: {"yes"}), from
  // the same pass that generates. Each is tokenized as text + "</s>".
  std::vector<std::string> first_token_texts;
  // Nonzero: names this image's pixels for the backend's embedding reuse. A
  // request with the key of a request of the previous call (or of this one)
  // reuses that image's embeddings instead of encoding it again (REC
  // resampling rounds). The caller keeps keys unique per image content.
  uint64_t image_key = 0;
};

struct GenerateResult {
  std::string text;                         // decoded answer, as the official code post-processes it
  std::vector<int32_t> token_ids;           // generated ids, up to and including EOS when it came
  std::vector<int32_t> prompt_token_ids;    // text ids before the image, then after it (image excluded)
  std::vector<double> first_token_logprob;  // per first_token_texts entry (natural log)
};

struct ScoreRequest {
  const image::ChwFloatImage* image = nullptr;  // 3 x S x S, CLIP-normalised
  std::string prompt;
  std::vector<std::string> candidates;  // answers; each is scored as candidate + "</s>"
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
  std::vector<int> candidates_tokens;
  // Positions of the context every candidate follows: the added and the
  // literal BOS, the prompt's text ids and the image embedding positions.
  int prompt_positions = 0;
};

// A loaded model. Not thread-safe: one caller at a time. Outputs of a request
// do not depend on the other requests of its batch (per-sample positions and
// masks). Bad requests (no image, wrong image size, no or several
// "<ImageHere>", an empty candidate) fail the call with a message naming the
// request's index; so does a failure inside the model (a libtorch error, CUDA
// out of memory: the message then suggests a smaller --batch-size). Calls
// never throw.
class ModelBackend {
 public:
  virtual ~ModelBackend() = default;
  // Greedy decoding: EOS is forbidden at the first step, a row stops at EOS or
  // after its max_new_tokens.
  virtual Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) = 0;
  virtual Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) = 0;
  // Side length in pixels of the square images the model takes (448 for MiniGPT-v2).
  virtual int image_size() const = 0;
};

}  // namespace vleval
