// The architecture constants of MiniGPT-v2 that are not in LLaMA's
// config.json nor implied by tensor shapes: read from a model config file
// (configs/models/*.json, `--model-config`). Everything else (widths, layer
// counts, vocabulary) comes from config.json and the tensors.
#pragma once

#include <filesystem>

#include "core/result.h"

namespace vleval {

struct MiniGptV2Architecture {
  int vit_depth = 39;    // ViT blocks used (the file may hold more)
  int vit_heads = 16;    // attention heads of the ViT
  int image_size = 448;  // input side in pixels
  int patch_size = 14;   // ViT patch side in pixels
  int merge_tokens = 4;  // horizontally adjacent patch tokens merged into one
  int lora_r = 64;       // LoRA rank
  int lora_alpha = 16;   // LoRA alpha; merge scale = alpha / r
  // The model config's "special_tokens" (LLaMA-2's ids by default): the
  // prompt's "<s>" and added BOS, the "</s>" that ends an answer.
  int bos_id = 1;
  int eos_id = 2;
};

// Reads a model config: the "architecture" section of the model-config format
// (configs/models/*.json, docs/architecture.md; its other sections are the
// harness's), or a flat file of name, version, description and the fields
// above (as scripts/make-tiny-minigptv2 writes). Every field is optional
// (defaults: the 7B model). Unknown keys, wrong types and non-positive values
// are errors naming the file. The ids come from the "special_tokens" section
// (bos_id, eos_id: non-negative and distinct) when the file has one.
Result<MiniGptV2Architecture> LoadMiniGptV2Architecture(const std::filesystem::path& path);

}  // namespace vleval
