#include "harness/run/run_shard.h"

#include <charconv>

namespace vleval {
namespace {

bool ParseInt(std::string_view text, int& value) {
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && !text.empty();
}

Result<ShardSpec> Checked(int index, int count, const std::string& what) {
  if (count < 1 || index < 0 || index >= count) {
    return Error{what + ": shard index must be in [0, count) and count >= 1"};
  }
  return ShardSpec{index, count};
}

}  // namespace

std::string ShardSpec::FolderName() const { return std::to_string(index) + "-of-" + std::to_string(count); }

Result<ShardSpec> ParseShardSpec(const std::string& text) {
  const auto slash = text.find('/');
  int index = 0, count = 0;
  if (slash == std::string::npos || !ParseInt(std::string_view(text).substr(0, slash), index) ||
      !ParseInt(std::string_view(text).substr(slash + 1), count)) {
    return Error{"--shard '" + text + "': expected i/N, e.g. 0/4"};
  }
  return Checked(index, count, "--shard '" + text + "'");
}

Result<ShardSpec> ShardFromEnvironment(const std::function<const char*(const char*)>& getenv) {
  static constexpr const char* kPairs[][2] = {{"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT"},
                                              {"SLURM_PROCID", "SLURM_NTASKS"},
                                              {"RANK", "WORLD_SIZE"}};
  for (const auto& pair : kPairs) {
    const char* index_text = getenv(pair[0]);
    const char* count_text = getenv(pair[1]);
    if (index_text == nullptr || count_text == nullptr) continue;
    const std::string what = std::string(pair[0]) + "=" + index_text + ", " + pair[1] + "=" + count_text;
    int index = 0, count = 0, first = 0;
    if (!ParseInt(index_text, index) || !ParseInt(count_text, count)) return Error{what + ": not integers"};
    // Job arrays may start anywhere (--array=1-4): ids count from SLURM_ARRAY_TASK_MIN.
    const char* min_text =
        pair[0] == std::string_view("SLURM_ARRAY_TASK_ID") ? getenv("SLURM_ARRAY_TASK_MIN") : nullptr;
    if (min_text != nullptr && !ParseInt(min_text, first))
      return Error{"SLURM_ARRAY_TASK_MIN=" + std::string(min_text) + ": not an integer"};
    return Checked(index - first, count, what);
  }
  return ShardSpec{};
}

std::vector<std::size_t> ShardPositions(std::size_t total, const ShardSpec& shard) {
  std::vector<std::size_t> positions;
  for (std::size_t i = static_cast<std::size_t>(shard.index); i < total;
       i += static_cast<std::size_t>(shard.count)) {
    positions.push_back(i);
  }
  return positions;
}

}  // namespace vleval
