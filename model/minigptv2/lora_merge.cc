#include "model/minigptv2/lora_merge.h"

namespace vleval {
namespace {

// The adapter matrix `which` ("lora_A"/"lora_B") of `module_prefix`, in either spelling.
Result<torch::Tensor> TakeAdapter(const TensorSource& checkpoint, const std::string& module_prefix,
                                  const std::string& which, const std::vector<int64_t>& shape) {
  const std::string plain = module_prefix + which + ".weight";
  const std::string named = module_prefix + which + ".default.weight";
  if (checkpoint.tensors->count(plain) != 0) return TakeTensor(checkpoint, plain, shape);
  if (checkpoint.tensors->count(named) != 0) return TakeTensor(checkpoint, named, shape);
  return Error{checkpoint.file + ": no LoRA weight '" + plain + "' (nor '" + named +
               "'): the checkpoint does not hold MiniGPT-v2's adapters"};
}

}  // namespace

Status MergeLora(std::map<std::string, torch::Tensor>& llama, const std::string& llama_file,
                 const TensorSource& checkpoint, const MiniGptV2Architecture& arch, int64_t layers) {
  const double scale = static_cast<double>(arch.lora_alpha) / arch.lora_r;
  const TensorSource base{&llama, llama_file};
  for (int64_t layer = 0; layer < layers; ++layer) {
    for (const std::string module : {"q_proj", "v_proj"}) {
      const std::string weight_name =
          "model.layers." + std::to_string(layer) + ".self_attn." + module + ".weight";
      auto weight = TakeTensor(base, weight_name, {-1, -1});
      if (!weight) return weight.error();
      const std::string prefix =
          "llama_model.base_model.model.model.layers." + std::to_string(layer) + ".self_attn." + module + ".";
      auto down = TakeAdapter(checkpoint, prefix, "lora_A", {arch.lora_r, weight->size(1)});
      if (!down) return down.error();
      auto up = TakeAdapter(checkpoint, prefix, "lora_B", {weight->size(0), arch.lora_r});
      if (!up) return up.error();
      const torch::Tensor delta = torch::matmul(up->to(torch::kFloat32), down->to(torch::kFloat32));
      llama[weight_name] = (weight->to(torch::kFloat32) + delta * scale).to(weight->scalar_type());
    }
  }
  return {};
}

}  // namespace vleval
