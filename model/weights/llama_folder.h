// A Hugging Face LLaMA folder (e.g. Llama-2-7b-chat-hf): config.json,
// tokenizer.model, and the weights in whichever layout the folder has.
#pragma once

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/weights/named_tensors.h"

namespace vleval {

struct LlamaFolder {
  NamedTensors tensors;
  nlohmann::json config;
  std::filesystem::path tokenizer_model;
  std::vector<std::filesystem::path> weight_files;  // every file the tensors came from, sorted
};

// Reads `dir`. Weights are looked up in this order: model.safetensors.index.json,
// model.safetensors, pytorch_model.bin.index.json, pytorch_model.bin, any
// *.safetensors. Errors name the folder or file: no such folder, missing
// config.json or tokenizer.model, no weights, unreadable weight files.
Result<LlamaFolder> ReadLlamaFolder(const std::filesystem::path& dir);

}  // namespace vleval
