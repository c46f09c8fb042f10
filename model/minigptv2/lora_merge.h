// Folding MiniGPT-v2's LoRA adapters into LLaMA's q_proj and v_proj weights at
// load: W += (B @ A) * (lora_alpha / lora_r), computed in float32 and stored
// back in W's dtype. The checkpoint keys are
// "llama_model.base_model.model.model.layers.N.self_attn.{q,v}_proj.lora_{A,B}.weight"
// (peft 0.2) or the same with "lora_A.default.weight" (newer peft); both are
// accepted. A layer with no adapter is an error, never a silent no-op.
#pragma once

#include <map>
#include <string>

#include <torch/torch.h>

#include "core/result.h"
#include "model/minigptv2/architecture.h"
#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

// Replaces "model.layers.N.self_attn.{q,v}_proj.weight" in `llama` for N <
// `layers` with merged weights. `llama_file` names the LLaMA weights in
// messages. Errors name the checkpoint file and the key looked for, or a
// shape mismatch (A must be [r, in], B [out, r]).
Status MergeLora(std::map<std::string, torch::Tensor>& llama, const std::string& llama_file,
                 const TensorSource& checkpoint, const MiniGptV2Architecture& arch, int64_t layers);

}  // namespace vleval
