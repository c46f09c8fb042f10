// The model side of `vleval run`: the backend named on the command line
// (minigptv2 from the three official files, or replay), wrapped as a
// PredictionSource, and its description for results.json: the backend name,
// the settings that change outputs (device, dtype, architecture constants)
// and the name and sha256 of every input file.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "harness/run/prediction_source.h"
#include "model/backend.h"

namespace vleval {

struct BackendChoice {
  std::string backend = "minigptv2";  // "minigptv2" | "replay"
  std::filesystem::path llama_dir, vit_path, checkpoint_path, model_config;
  std::filesystem::path converted;  // `vleval convert` output; replaces the three inputs
  std::string device = "cpu";
  std::string dtype;             // empty: float16 on CUDA, float32 on CPU (DefaultDtype)
  std::filesystem::path replay;  // run folder or predictions file
  // Cache of input digests (digest_cache.h); empty = hash every time.
  std::filesystem::path digest_cache;
};

struct OpenedBackend {
  std::unique_ptr<ModelBackend> model;  // null for replay
  std::unique_ptr<PredictionSource> source;
};

// The description only (digests files, through choice.digest_cache; loads
// nothing). Errors: an unknown backend, a missing or unreadable model file
// (named with its option).
Result<nlohmann::json> DescribeBackend(const BackendChoice& choice);

// Loads the model (minutes for the 7B one) or opens the replay source.
Result<OpenedBackend> OpenBackend(const BackendChoice& choice);

}  // namespace vleval
