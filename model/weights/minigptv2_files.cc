#include "model/weights/minigptv2_files.h"

#include <torch/torch.h>

#include "model/weights/llama_folder.h"
#include "model/weights/torch_save_file.h"

namespace vleval {
namespace {

std::string ShapeText(at::IntArrayRef shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

// Checks that `name` exists in `tensors` with `shape` (-1: any size).
Status Expect(const NamedTensors& tensors, const std::string& where, const std::string& name,
              std::vector<std::int64_t> shape) {
  const auto found = tensors.find(name);
  if (found == tensors.end()) return Error{where + ": tensor '" + name + "' is missing"};
  const auto actual = found->second.sizes();
  bool matches = actual.size() == shape.size();
  for (std::size_t i = 0; matches && i < shape.size(); ++i) {
    matches = shape[i] < 0 || shape[i] == actual[i];
  }
  if (!matches) {
    return Error{where + ": tensor '" + name + "' has shape " + ShapeText(actual) + ", expected " +
                 ShapeText(shape) + " (-1: any)"};
  }
  return {};
}

Result<std::int64_t> ConfigInt(const nlohmann::json& config, const std::string& key,
                               const std::string& where) {
  const auto found = config.find(key);
  if (found == config.end() || !found->is_number_integer()) {
    return Error{where + "/config.json: missing integer \"" + key + "\""};
  }
  return found->get<std::int64_t>();
}

Status CheckLlama(const NamedTensors& llama, const nlohmann::json& config, const std::string& where) {
  std::map<std::string, std::int64_t> size;
  for (const char* key :
       {"hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "vocab_size"}) {
    auto value = ConfigInt(config, key, where);
    if (!value) return value.error();
    size[key] = *value;
  }
  const std::int64_t hidden = size["hidden_size"];
  const std::int64_t mlp = size["intermediate_size"];
  const std::int64_t kv_heads = config.value("num_key_value_heads", size["num_attention_heads"]);
  const std::int64_t kv_width = hidden / size["num_attention_heads"] * kv_heads;
  const std::vector<std::pair<std::string, std::vector<std::int64_t>>> global = {
      {"model.embed_tokens.weight", {size["vocab_size"], hidden}}, {"model.norm.weight", {hidden}}};
  for (const auto& [name, shape] : global) {
    if (auto status = Expect(llama, where, name, shape); !status) return status;
  }
  if (!config.value("tie_word_embeddings", false)) {
    if (auto status = Expect(llama, where, "lm_head.weight", {size["vocab_size"], hidden}); !status)
      return status;
  }
  for (std::int64_t layer = 0; layer < size["num_hidden_layers"]; ++layer) {
    const std::string prefix = "model.layers." + std::to_string(layer) + ".";
    const std::vector<std::pair<std::string, std::vector<std::int64_t>>> shapes = {
        {"self_attn.q_proj.weight", {hidden, hidden}},   {"self_attn.k_proj.weight", {kv_width, hidden}},
        {"self_attn.v_proj.weight", {kv_width, hidden}}, {"self_attn.o_proj.weight", {hidden, hidden}},
        {"mlp.gate_proj.weight", {mlp, hidden}},         {"mlp.up_proj.weight", {mlp, hidden}},
        {"mlp.down_proj.weight", {hidden, mlp}},         {"input_layernorm.weight", {hidden}},
        {"post_attention_layernorm.weight", {hidden}}};
    for (const auto& [name, shape] : shapes) {
      if (auto status = Expect(llama, where, prefix + name, shape); !status) return status;
    }
  }
  return {};
}

Status CheckVit(const NamedTensors& vit, const std::string& where) {
  if (auto status = Expect(vit, where, "cls_token", {1, 1, -1}); !status) return status;
  const std::int64_t width = vit.at("cls_token").size(2);
  const std::vector<std::pair<std::string, std::vector<std::int64_t>>> shapes = {
      {"pos_embed", {1, -1, width}},
      {"patch_embed.proj.weight", {width, 3, -1, -1}},
      {"blocks.0.attn.qkv.weight", {3 * width, width}},
      {"blocks.0.norm1.weight", {width}}};
  for (const auto& [name, shape] : shapes) {
    if (auto status = Expect(vit, where, name, shape); !status) return status;
  }
  return {};
}

}  // namespace

Status CheckMiniGptV2Weights(const MiniGptV2Weights& weights, const std::string& llama_where,
                             const std::string& vit_where, const std::string& checkpoint_where) {
  if (auto status = CheckLlama(weights.llama, weights.llama_config, llama_where); !status) return status;
  if (auto status = CheckVit(weights.vit, vit_where); !status) return status;
  const std::int64_t hidden = weights.llama_config.at("hidden_size").get<std::int64_t>();
  if (auto status = Expect(weights.checkpoint, checkpoint_where, "llama_proj.weight", {hidden, -1});
      !status) {
    return status;
  }
  const std::int64_t width = weights.vit.at("cls_token").size(2);
  const std::int64_t merged = weights.checkpoint.at("llama_proj.weight").size(1);
  if (merged % width != 0) {
    return Error{checkpoint_where + ": tensor 'llama_proj.weight' has " + std::to_string(merged) +
                 " input features, not a multiple of the ViT width " + std::to_string(width)};
  }
  return Expect(weights.checkpoint, checkpoint_where, "llama_proj.bias", {hidden});
}

Result<MiniGptV2Weights> LoadMiniGptV2Files(const MiniGptV2Files& files) {
  auto llama = ReadLlamaFolder(files.llama_dir);
  if (!llama) return llama.error();
  auto vit = ReadTorchStateDict(files.vit_path, StateDictLocation::kTopLevelOrNested);
  if (!vit) return vit.error();
  auto checkpoint = ReadTorchStateDict(files.checkpoint_path, StateDictLocation::kModelEntry);
  if (!checkpoint) return checkpoint.error();
  MiniGptV2Weights weights{std::move(*vit), std::move(llama->tensors), std::move(*checkpoint),
                           std::move(llama->config), std::move(llama->tokenizer_model)};
  if (auto status = CheckMiniGptV2Weights(weights, files.llama_dir.string(), files.vit_path.string(),
                                          files.checkpoint_path.string());
      !status) {
    return Error{status.message()};
  }
  return weights;
}

}  // namespace vleval
