// The precision policy of the MiniGPT-v2 engine: what each dtype option runs,
// written down once. It reproduces what the official scripts run on a GPU:
// LLaMA loaded in fp16, the ViT after `convert_weights_to_fp16`, everything
// under `torch.cuda.amp.autocast(dtype=torch.float16)`.
//
//   --dtype float16 (the CUDA default; "compute" below = fp16)
//     LLaMA    weights, embeddings, activations between ops, KV cache: compute.
//              RMSNorm: computed in fp32, cast back to compute before the
//              weight multiply (HF LlamaRMSNorm). Attention scores: compute
//              matmul, softmax in fp32, probabilities cast back to compute
//              (HF: softmax(dtype=float32).to(query dtype)). Rotary tables:
//              computed in fp32, cast to compute. lm_head: compute matmul,
//              logits handed out as fp32.
//     ViT      Conv/Linear weights and biases: compute (convert_weights_to_fp16).
//              cls_token, pos_embed, q_bias/v_bias, every LayerNorm and
//              ln_vision: fp32 (left alone by convert_weights_to_fp16); q_bias
//              and v_bias are cast to compute where the qkv linear uses them,
//              as autocast casts a linear's bias.
//              Residual stream: fp32 (the cat with the fp32 cls_token promotes
//              it, and each `x + branch` keeps it fp32). LayerNorm and softmax
//              outputs: fp32 (autocast's fp32 ops). Linear/matmul/conv: inputs
//              cast to compute, outputs compute; GELU in compute.
//              ViT output: fp32; ln_vision in fp32; llama_proj: compute out.
//   --dtype bfloat16: the same with bf16 as compute (also on CPU).
//   --dtype float32: every tensor fp32 (exact; the parity tests' setting).
//
// Tests check this policy through DtypeTrace: with a trace active, the ViT and
// LLaMA record the dtype of each named intermediate.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace vleval {

// Records (name, dtype) of named intermediates while active on this thread.
// Inference code calls TraceDtype(); it costs one branch when no trace runs.
class DtypeTrace {
 public:
  DtypeTrace();
  ~DtypeTrace();
  DtypeTrace(const DtypeTrace&) = delete;
  DtypeTrace& operator=(const DtypeTrace&) = delete;

  const std::vector<std::pair<std::string, torch::ScalarType>>& seen() const { return seen_; }
  // Every dtype recorded under `name` (empty when it never ran).
  std::vector<torch::ScalarType> DtypesOf(const std::string& name) const;

 private:
  friend void TraceDtype(const char* name, const torch::Tensor& tensor);
  std::vector<std::pair<std::string, torch::ScalarType>> seen_;
  DtypeTrace* outer_ = nullptr;
};

void TraceDtype(const char* name, const torch::Tensor& tensor);

// `x` cast to `dtype` for a matmul or linear input (a no-op when it is there).
inline torch::Tensor AsCompute(const torch::Tensor& x, torch::ScalarType dtype) {
  return x.scalar_type() == dtype ? x : x.to(dtype);
}

}  // namespace vleval
