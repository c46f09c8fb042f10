// `vleval run` and `vleval merge` as a user meets them, with the replay
// backend on the mini data root: results, sharding through the environment
// variables of torchrun, merge, rescoring under another dialect, progress
// lines, and the exit codes and messages of bad input.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

testing::CommandResult Vleval(const std::string& args, const std::string& env = "") {
  return testing::RunCommand(env + " " + std::string(VLEVAL_BINARY) + " " + args);
}

class RunCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Vleval("data make-mini --out " + data_.string()).exit_code, 0);
    std::ofstream(replay_) << "{\"id\":0,\"output\":\"true\"}\n{\"id\":1,\"output\":\"false\"}\n"
                              "{\"id\":2,\"output\":\"false\"}\n";
    std::ofstream(hm_) << "{\"id\":42950,\"output\":\"no\",\"p_yes\":0.1}\n"
                          "{\"id\":42951,\"output\":\"yes\",\"p_yes\":0.8}\n"
                          "{\"id\":42952,\"output\":\"yes\",\"p_yes\":0.3}\n";
  }
  std::string Common(const std::filesystem::path& replay, const std::string& task) const {
    return "--tasks " + task + " --data-root " + data_.string() + " --backend replay --replay " +
           replay.string() + " --no-history ";
  }
  std::string Results(const std::string& run) const {
    return *ReadTextFile(dir_.path() / run / "results.json");
  }

  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
  std::filesystem::path replay_ = dir_.path() / "vsr.jsonl";
  std::filesystem::path hm_ = dir_.path() / "hm.jsonl";
};

TEST_F(RunCli, ReplayScoresAPredictionsFileAndPrintsTheReport) {
  const auto result = Vleval("run " + Common(replay_, "vsr") + "--out " + (dir_.path() / "a").string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("| vsr | vsr_accuracy | minigptv2 | 3 |"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("vleval run: vsr  3/3"), std::string::npos)
      << result.err;  // plain progress lines
  const auto results = nlohmann::json::parse(Results("a"));
  EXPECT_EQ(results["entries"]["vsr"]["metrics"]["accuracy"], 2.0 / 3.0 * 100.0);
  EXPECT_NE(Results("a").find("\"accuracy\": 66.66666666666666\n"), std::string::npos);
}

TEST_F(RunCli, ShardsFromWorldSizeMergeIntoTheUnshardedBytes) {
  ASSERT_EQ(
      Vleval("run " + Common(replay_, "vsr") + "--quiet --out " + (dir_.path() / "one").string()).exit_code,
      0);
  const std::string out = (dir_.path() / "three").string();
  for (const int rank : {1, 0, 2}) {
    const auto shard = Vleval("run " + Common(replay_, "vsr") + "--quiet --out " + out,
                              "RANK=" + std::to_string(rank) + " WORLD_SIZE=3");
    ASSERT_EQ(shard.exit_code, 0) << shard.err;
  }
  EXPECT_EQ(Results("one"), Results("three"));
  std::filesystem::remove(dir_.path() / "three" / "results.json");
  const auto merged = Vleval("merge " + out + " --no-history --quiet");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(Results("one"), Results("three"));
}

TEST_F(RunCli, MergeBeforeEveryShardIsDoneNamesTheMissingOnes) {
  const std::string out = (dir_.path() / "run").string();
  ASSERT_EQ(Vleval("run " + Common(replay_, "vsr") + "--quiet --shard 0/2 --out " + out).exit_code, 0);
  const auto merged = Vleval("merge " + out + " --no-history");
  EXPECT_EQ(merged.exit_code, 1);
  EXPECT_NE(merged.err.find("shards not finished yet: 1/2"), std::string::npos) << merged.err;
}

TEST_F(RunCli, ARunFolderReplaysUnderTheOfficialDialect) {
  ASSERT_EQ(Vleval("run " + Common(hm_, "hm") + "--quiet --out " + (dir_.path() / "a").string()).exit_code,
            0);
  const auto rescored = Vleval("run " + Common(dir_.path() / "a", "hm") +
                               "--quiet --dialect official --out " + (dir_.path() / "b").string());
  ASSERT_EQ(rescored.exit_code, 0) << rescored.err;
  const auto results = nlohmann::json::parse(Results("b"));
  EXPECT_EQ(results["entries"]["hm"]["dialect"], "official");
  EXPECT_EQ(results["entries"]["hm"]["metrics"]["auroc"], 1.0);
  EXPECT_EQ(results["entries"]["hm"]["metrics"]["accuracy"], 2.0 / 3.0 * 100.0);
}

TEST_F(RunCli, BadInputsExitOneWithAClearMessage) {
  const std::string out = " --out " + (dir_.path() / "x").string();
  auto result =
      Vleval("run --tasks vsr --data-root /nonexistent --backend replay --replay " + replay_.string() + out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("vleval run: data root /nonexistent is not a folder"), std::string::npos)
      << result.err;
  result = Vleval("run " + Common(replay_, "hm") + out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("has no prediction for sample 42950 of hm"), std::string::npos) << result.err;
  result = Vleval("run --tasks vsr --data-root " + data_.string() + " --llama " + dir_.path().string() +
                  " --vit " + replay_.string() + " --checkpoint /nonexistent/ckpt.pth" + out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--checkpoint /nonexistent/ckpt.pth: no such file"), std::string::npos)
      << result.err;
  result = Vleval("run --suite demo --tasks vsr" + out);
  EXPECT_EQ(result.exit_code, 2);
}

}  // namespace
}  // namespace vleval
