#include "model/weights/sharded_weights.h"

#include <set>

#include "core/json_file.h"
#include "core/path_containment.h"
#include "model/weights/safetensors_file.h"
#include "model/weights/torch_save_file.h"

namespace vleval {

Result<NamedTensors> ReadWeightFile(const std::filesystem::path& path) {
  if (path.extension() == ".safetensors") {
    auto contents = ReadSafetensors(path);
    if (!contents) return contents.error();
    return std::move(contents->tensors);
  }
  return ReadTorchStateDict(path, StateDictLocation::kTopLevel);
}

Result<NamedTensors> ReadShardedWeights(const std::filesystem::path& index_path) {
  auto index = ReadJsonFile(index_path);
  if (!index) return index.error();
  const auto map = index->find("weight_map");
  if (map == index->end() || !map->is_object()) {
    return Error{index_path.string() + ": no \"weight_map\" object"};
  }
  std::set<std::string> shards;
  const auto folder = ResolvedPath(index_path.parent_path());
  for (const auto& [name, shard] : map->items()) {
    if (!shard.is_string())
      return Error{index_path.string() + ": weight_map['" + name + "'] is not a file name"};
    const auto& file = shard.get_ref<const std::string&>();
    if (!IsInside(index_path.parent_path() / file, folder)) {
      return Error{index_path.string() + ": shard '" + file + "' of weight_map['" + name +
                   "'] is outside the model folder " + index_path.parent_path().string()};
    }
    shards.insert(file);
  }
  NamedTensors all;
  for (const auto& shard : shards) {
    const auto shard_path = index_path.parent_path() / shard;
    auto tensors = ReadWeightFile(shard_path);
    if (!tensors) return tensors.error();
    for (auto& [name, tensor] : *tensors) {
      if (!all.emplace(name, std::move(tensor)).second) {
        return Error{shard_path.string() + ": tensor '" + name + "' is also in another shard"};
      }
    }
  }
  for (const auto& [name, shard] : map->items()) {
    if (all.count(name) == 0) {
      return Error{(index_path.parent_path() / shard.get<std::string>()).string() + ": tensor '" + name +
                   "' is listed in " + index_path.filename().string() + " but missing from the shard"};
    }
  }
  return all;
}

}  // namespace vleval
