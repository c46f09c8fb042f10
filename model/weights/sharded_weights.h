// Hugging Face sharded checkpoints: an index JSON ("model.safetensors.index.json"
// or "pytorch_model.bin.index.json") whose "weight_map" names, for every
// tensor, the shard file beside the index that holds it.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "model/weights/named_tensors.h"

namespace vleval {

// Reads every shard named in the index at `index_path` (safetensors shards
// by mapping, .bin shards as torch.save state dicts) and returns the union.
// Errors name the file and tensor: an unreadable index, a missing shard, a
// tensor listed in weight_map but absent from its shard, a tensor present in
// two shards, a shard name that resolves (after "..", absolute paths and
// symlinks) outside the index's folder: such a file is never opened.
Result<NamedTensors> ReadShardedWeights(const std::filesystem::path& index_path);

// Reads one weight file by its extension: ".safetensors" by mapping, else
// as a torch.save state dict at the top level (pytorch_model.bin).
Result<NamedTensors> ReadWeightFile(const std::filesystem::path& path);

}  // namespace vleval
