// The three inputs of MiniGPT-v2 as their publishers ship them, loaded into
// named CPU tensors for the network builder (model/): the Hugging Face
// Llama-2-7b-chat-hf folder, LAVIS' eva_vit_g.pth and the MiniGPT-v2 training
// checkpoint. Tensors keep their stored dtype (fp16/bf16/fp32) and point into
// the files' copy-on-write mappings (safetensors and torch.save zips alike),
// so loading costs no second copy of the weights. Converting dtypes, merging
// LoRA, mapping names and interpolating pos_embed happen in the network code.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/weights/named_tensors.h"

namespace vleval {

struct MiniGptV2Files {
  std::filesystem::path llama_dir;        // Llama-2-7b-chat-hf folder (config.json, tokenizer.model, weights)
  std::filesystem::path vit_path;         // eva_vit_g.pth (torch.save of a state dict, maybe nested)
  std::filesystem::path checkpoint_path;  // MiniGPT-v2 torch.save zip, {'model': state_dict, ...}
};

struct MiniGptV2Weights {
  NamedTensors vit;    // keys as in eva_vit_g.pth: "cls_token", "pos_embed", "patch_embed.proj.weight",
                       // "blocks.N.norm1.weight", "blocks.N.attn.qkv.weight", "blocks.N.attn.q_bias", ...
  NamedTensors llama;  // keys as in HF LlamaForCausalLM: "model.embed_tokens.weight",
                       // "model.layers.N.self_attn.q_proj.weight", "model.norm.weight", "lm_head.weight"
  NamedTensors
      checkpoint;  // the checkpoint's "model" entry verbatim: "llama_proj.weight", "llama_proj.bias",
                   // "llama_model.base_model.model.model.layers.N.self_attn.q_proj.lora_A[.default].weight",
                   // ...
  nlohmann::json llama_config;            // parsed config.json
  std::filesystem::path tokenizer_model;  // <llama_dir>/tokenizer.model
};

// Loads the three inputs as shipped. The LLaMA folder may hold
// model.safetensors(.index.json), pytorch_model.bin(.index.json) or bare
// *.safetensors shards. Errors name the file and the tensor: a missing file,
// a .pth of another layout, a truncated or malformed file, a tensor the
// architecture needs that is absent (every LLaMA layer up to
// num_hidden_layers, the ViT's cls_token/pos_embed/patch_embed/blocks.0,
// llama_proj), or a shape that disagrees with config.json.
// Thread-safe; takes about as long as mapping the files.
Result<MiniGptV2Weights> LoadMiniGptV2Files(const MiniGptV2Files& files);

// Checks the tensors a MiniGPT-v2 needs and their shapes against
// `weights.llama_config` (used by both loaders). `where` names the sources
// for messages.
Status CheckMiniGptV2Weights(const MiniGptV2Weights& weights, const std::string& llama_where,
                             const std::string& vit_where, const std::string& checkpoint_where);

}  // namespace vleval
