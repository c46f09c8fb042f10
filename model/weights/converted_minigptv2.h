// `vleval convert`'s file: the three MiniGPT-v2 inputs in one safetensors
// file, so that later loads are a single mapping. Tensors are stored under
// the prefixes "vit.", "llama." and "checkpoint." with their original names
// and dtypes; "__metadata__" holds "format" (kConvertedFormat), "llama_config"
// (config.json as JSON text), "tokenizer_model" (file name of the tokenizer
// copied beside the output) and "sha256.llama", "sha256.vit",
// "sha256.checkpoint" (digests of the source files; for LLaMA, of its
// config.json and weight files concatenated in name order).
#pragma once

#include <filesystem>

#include "core/result.h"
#include "model/weights/minigptv2_files.h"

namespace vleval {

inline constexpr const char* kConvertedFormat = "vleval-minigptv2-1";

// Loads `files` (as LoadMiniGptV2Files), then writes `out` and copies the
// tokenizer to `out` with extension ".tokenizer.model". Errors name the input
// or output file at fault.
Status ConvertMiniGptV2(const MiniGptV2Files& files, const std::filesystem::path& out);

// Loads a file written by ConvertMiniGptV2 with one mapping. Errors name the
// file: not a converted file (format missing or different), missing
// tokenizer beside it, or the checks of CheckMiniGptV2Weights.
Result<MiniGptV2Weights> LoadConvertedMiniGptV2(const std::filesystem::path& converted);

}  // namespace vleval
