// Shard selection: --shard parsing, the environment variables of Slurm and
// torchrun, and the positions each shard evaluates.
#include "harness/run/run_shard.h"

#include <map>

#include <gtest/gtest.h>

namespace vleval {
namespace {

auto Env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> const char* {
    auto it = values.find(name);
    return it == values.end() ? nullptr : it->second.c_str();
  };
}

TEST(RunShard, ParsesIOfN) {
  auto shard = ParseShardSpec("2/5");
  ASSERT_TRUE(shard.ok());
  EXPECT_EQ(shard->index, 2);
  EXPECT_EQ(shard->count, 5);
  EXPECT_EQ(shard->FolderName(), "2-of-5");
}

TEST(RunShard, RejectsMalformedAndOutOfRangeSpecs) {
  for (const char* text : {"5/5", "-1/3", "1/0", "a/3", "1", "1/3x", ""})
    EXPECT_FALSE(ParseShardSpec(text).ok()) << text;
}

TEST(RunShard, SlurmArrayComesFirstThenSlurmTasksThenTorchrun) {
  EXPECT_EQ(ShardFromEnvironment(Env({{"RANK", "1"}, {"WORLD_SIZE", "4"}}))->index, 1);
  auto slurm = ShardFromEnvironment(
      Env({{"SLURM_PROCID", "2"}, {"SLURM_NTASKS", "3"}, {"RANK", "1"}, {"WORLD_SIZE", "4"}}));
  EXPECT_EQ(slurm->index, 2);
  EXPECT_EQ(slurm->count, 3);
  auto array = ShardFromEnvironment(Env({{"SLURM_ARRAY_TASK_ID", "0"},
                                         {"SLURM_ARRAY_TASK_COUNT", "2"},
                                         {"SLURM_PROCID", "2"},
                                         {"SLURM_NTASKS", "3"}}));
  EXPECT_EQ(array->count, 2);
  auto none = ShardFromEnvironment(Env({{"RANK", "1"}}));  // an incomplete pair is ignored
  EXPECT_EQ(none->count, 1);
}

TEST(RunShard, ArrayTaskIdsCountFromTheArrayMinimum) {
  auto shard = ShardFromEnvironment(
      Env({{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}, {"SLURM_ARRAY_TASK_MIN", "1"}}));
  ASSERT_TRUE(shard.ok()) << shard.error().message;
  EXPECT_EQ(shard->index, 3);
  EXPECT_EQ(shard->count, 4);
}

TEST(RunShard, ABadEnvironmentPairIsAnErrorNamingTheVariables) {
  auto shard = ShardFromEnvironment(Env({{"RANK", "4"}, {"WORLD_SIZE", "4"}}));
  ASSERT_FALSE(shard.ok());
  EXPECT_NE(shard.error().message.find("RANK=4, WORLD_SIZE=4"), std::string::npos);
}

TEST(RunShard, ShardsAreDisjointAndCoverEveryPosition) {
  EXPECT_EQ(ShardPositions(7, {0, 3}), (std::vector<std::size_t>{0, 3, 6}));
  EXPECT_EQ(ShardPositions(7, {1, 3}), (std::vector<std::size_t>{1, 4}));
  EXPECT_EQ(ShardPositions(7, {2, 3}), (std::vector<std::size_t>{2, 5}));
  EXPECT_EQ(ShardPositions(2, {0, 1}), (std::vector<std::size_t>{0, 1}));
}

}  // namespace
}  // namespace vleval
