// Loading MiniGPT-v2 from the files as their publishers ship them, behind the
// torch-free ModelBackend interface. The network code is under
// model/minigptv2/; file formats are read by model/weights/.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"
#include "model/backend.h"

namespace vleval {

struct MiniGptV2BackendOptions {
  std::filesystem::path llama_dir;        // Llama-2-7b-chat-hf folder
  std::filesystem::path vit_path;         // eva_vit_g.pth
  std::filesystem::path checkpoint_path;  // the MiniGPT-v2 checkpoint (.pth)
  std::filesystem::path model_config;     // architecture constants (configs/models/*.json)
  std::string device = "cpu";             // "cpu" or "cuda" / "cuda:N"
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
std::string DefaultDtype(const std::string& device);

// Loads, merges LoRA, interpolates pos_embed; errors name the file and tensor
// or the option at fault (e.g. fp16 on CPU, CUDA absent).
Result<std::unique_ptr<ModelBackend>> LoadMiniGptV2Backend(const MiniGptV2BackendOptions& options);

}  // namespace vleval
