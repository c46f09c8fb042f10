#include "model/weights/llama_folder.h"

#include <algorithm>
#include <set>

#include "core/json_file.h"
#include "model/weights/sharded_weights.h"

namespace vleval {
namespace {

Result<std::vector<std::filesystem::path>> IndexedFiles(const std::filesystem::path& index_path) {
  auto index = ReadJsonFile(index_path);
  if (!index) return index.error();
  std::set<std::filesystem::path> files{index_path};
  if (const auto map = index->find("weight_map"); map != index->end() && map->is_object()) {
    for (const auto& shard : *map) {
      if (shard.is_string()) files.insert(index_path.parent_path() / shard.get<std::string>());
    }
  }
  return std::vector<std::filesystem::path>(files.begin(), files.end());
}

Result<NamedTensors> ReadBareShards(const std::vector<std::filesystem::path>& shards) {
  NamedTensors all;
  for (const auto& shard : shards) {
    auto tensors = ReadWeightFile(shard);
    if (!tensors) return tensors.error();
    for (auto& [name, tensor] : *tensors) {
      if (!all.emplace(name, std::move(tensor)).second) {
        return Error{shard.string() + ": tensor '" + name + "' is also in another shard"};
      }
    }
  }
  return all;
}

}  // namespace

Result<LlamaFolder> ReadLlamaFolder(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) return Error{dir.string() + ": no such LLaMA folder"};
  LlamaFolder folder;
  auto config = ReadJsonFile(dir / "config.json");
  if (!config) return config.error();
  if (!config->is_object()) return Error{(dir / "config.json").string() + ": not a JSON object"};
  folder.config = std::move(*config);
  folder.tokenizer_model = dir / "tokenizer.model";
  if (!std::filesystem::is_regular_file(folder.tokenizer_model)) {
    return Error{folder.tokenizer_model.string() + ": missing (the LLaMA folder needs its tokenizer)"};
  }
  Result<NamedTensors> tensors = Error{};
  const std::pair<const char*, const char*> layouts[] = {
      {"model.safetensors.index.json", "model.safetensors"},
      {"pytorch_model.bin.index.json", "pytorch_model.bin"}};
  for (const auto& [index, single_name] : layouts) {
    if (std::filesystem::exists(dir / index)) {
      auto files = IndexedFiles(dir / index);
      if (!files) return files.error();
      folder.weight_files = std::move(*files);
      tensors = ReadShardedWeights(dir / index);
      break;
    }
    const auto single = dir / single_name;
    if (std::filesystem::exists(single)) {
      folder.weight_files = {single};
      tensors = ReadWeightFile(single);
      break;
    }
  }
  if (folder.weight_files.empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".safetensors") folder.weight_files.push_back(entry.path());
    }
    std::sort(folder.weight_files.begin(), folder.weight_files.end());
    if (folder.weight_files.empty()) {
      return Error{dir.string() +
                   ": no LLaMA weights (looked for model.safetensors[.index.json], "
                   "pytorch_model.bin[.index.json], *.safetensors)"};
    }
    tensors = ReadBareShards(folder.weight_files);
  }
  if (!tensors) return tensors.error();
  folder.tensors = std::move(*tensors);
  return folder;
}

}  // namespace vleval
