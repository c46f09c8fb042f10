// Loading MiniGPT-v2 from the files as their publishers ship them, behind the
// torch-free ModelBackend interface. The network code is under
// model/minigptv2/; file formats are read by model/weights/. This code is
// linked into the plug-in libvleval_minigptv2.so (model/minigptv2_plugin.h)
// and, statically, into the model tests; the vleval executable reaches it
// through the registry entry only (model/minigptv2_entry.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/backend.h"

namespace vleval {

struct MiniGptV2BackendOptions {
  std::filesystem::path llama_dir;        // Llama-2-7b-chat-hf folder
  std::filesystem::path vit_path;         // eva_vit_g.pth
  std::filesystem::path checkpoint_path;  // the MiniGPT-v2 checkpoint (.pth)
  // The model config (configs/models/*.json): architecture constants, and
  // the image preparation of its "image" section when it has one
  // (model/minigptv2/image_preparation.h). Empty: the 7B model's defaults.
  std::filesystem::path model_config;
  std::string device = "cpu";  // "cpu" or "cuda" / "cuda:N"
  // "float32", "bfloat16", or on CUDA "float16" (model/minigptv2/precision.h);
  // empty: DefaultDtype(device).
  std::string dtype;
  // A file written by `vleval convert` (model/weights/converted_minigptv2.h):
  // when set, it replaces llama_dir, vit_path and checkpoint_path and loads
  // with one mapping.
  std::filesystem::path converted_path;
  std::string attention = "auto";  // "auto", "manual" or "fused" (model/minigptv2/attention.h)
};

// The dtype a device runs when none is asked for: float16 on CUDA (what the
// official scripts run), float32 on CPU.
inline std::string DefaultDtype(const std::string& device) { return device == "cpu" ? "float32" : "float16"; }

// A request whose image is already prepared: 3 x S x S float32,
// CLIP-normalised (S = image_size()). Otherwise as GenerateRequest.
struct PreparedGenerateRequest {
  PreparedGenerateRequest() = default;
  PreparedGenerateRequest(const image::ChwFloatImage* image_in, std::string prompt_in, int max_new_tokens_in)
      : image(image_in), prompt(std::move(prompt_in)), max_new_tokens(max_new_tokens_in) {}

  const image::ChwFloatImage* image = nullptr;
  std::string prompt;
  int max_new_tokens = 20;
  std::vector<std::string> first_token_texts;
  uint64_t image_key = 0;
};

struct PreparedScoreRequest {
  const image::ChwFloatImage* image = nullptr;  // 3 x S x S, CLIP-normalised
  std::string prompt;
  std::vector<std::string> candidates;
};

// The loaded model. Generate and ScoreCandidates prepare each request's
// image (bicubic to image_size(), then the configured normalisation; in
// parallel over the batch) and run the prepared forms below.
class MiniGptV2Backend : public ModelBackend {
 public:
  virtual Result<std::vector<GenerateResult>> GeneratePrepared(
      std::span<const PreparedGenerateRequest> batch) = 0;
  virtual Result<std::vector<ScoreResult>> ScorePrepared(std::span<const PreparedScoreRequest> batch) = 0;
  // Side length in pixels of the square images the model takes (448 for MiniGPT-v2).
  virtual int image_size() const = 0;
};

// Loads, merges LoRA, interpolates pos_embed; errors name the file and tensor
// or the option at fault (e.g. fp16 on CPU, CUDA absent, a bad "image"
// section).
Result<std::unique_ptr<MiniGptV2Backend>> LoadMiniGptV2Backend(const MiniGptV2BackendOptions& options);

}  // namespace vleval
