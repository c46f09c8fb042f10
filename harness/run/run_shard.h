// Sharding a run over independent processes (Slurm job arrays, torchrun,
// several machines): which samples shard i of N evaluates, and where the
// shard is taken from when --shard is not given. No process group is needed:
// shards meet only in the run folder.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace vleval {

struct ShardSpec {
  int index = 0;  // 0-based
  int count = 1;  // 1 = unsharded

  // "3-of-8": the shard's folder name under RUN/shards/.
  std::string FolderName() const;
};

// "i/N" with 0 <= i < N; anything else is an error quoting the text.
Result<ShardSpec> ParseShardSpec(const std::string& text);

// The shard from the environment, first complete pair of:
// SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT, SLURM_PROCID / SLURM_NTASKS,
// RANK / WORLD_SIZE; 0/1 when none is set. Array task ids count from
// SLURM_ARRAY_TASK_MIN when it is set (--array=1-4 gives shards 0..3). A malformed or out-of-range pair
// is an error naming the variables. `getenv` is injectable for tests.
Result<ShardSpec> ShardFromEnvironment(const std::function<const char*(const char*)>& getenv);

// Positions (into a list of `total` samples) that `shard` evaluates: every
// N-th starting at i, ascending. Shards are disjoint and cover every position.
std::vector<std::size_t> ShardPositions(std::size_t total, const ShardSpec& shard);

}  // namespace vleval
