// Issue 15's done-when test: benchmarks added from this folder, with no edit
// in harness/, scored by `vleval score` and run by `vleval run` with the
// replay backend. minivqa uses the shipped VQA-format loader through its
// config alone; tsvqa brings its own loader (tsv_vqa_loader.cc).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

const std::filesystem::path kDir = VLEVAL_ADDED_DIR;

testing::CommandResult Vleval(const std::string& args) {
  return testing::RunCommand(std::string(VLEVAL_ADDED_BINARY) + " " + args + " --configs " +
                             (kDir / "configs").string() + " --data-root " + (kDir / "data").string());
}

class AddedBenchmarks : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "replay" / "predictions");
    // minivqa: right (case aside), right after the VQA number normalisation
    // ("four" -> "4" once the answers differ), wrong.
    Write("minivqa",
          "{\"id\":101,\"output\":\"Red\"}\n{\"id\":102,\"output\":\"four\"}\n"
          "{\"id\":103,\"output\":\"cat\"}\n");
    // tsvqa: right; "kitten" is 1 of 10 answers: 9 of the 10 leave-one-out
    // rounds see one match, 9 x (1/3) / 10 = 30%.
    Write("tsvqa", "{\"id\":\"q1\",\"output\":\"red\"}\n{\"id\":\"q2\",\"output\":\"kitten\"}\n");
  }
  void Write(const std::string& task, const std::string& lines) {
    std::ofstream(dir_.path() / "replay" / "predictions" / (task + ".jsonl")) << lines;
  }
  std::string Predictions(const std::string& task) const {
    return (dir_.path() / "replay" / "predictions" / (task + ".jsonl")).string();
  }
  testing::TempDir dir_;
};

TEST_F(AddedBenchmarks, AConfigFileAloneAddsAVqaFormatBenchmark) {
  const auto result = Vleval("score --task minivqa --predictions " + Predictions("minivqa"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["n"], 3);
  EXPECT_EQ(json["metrics"]["accuracy"], 66.67);
  EXPECT_EQ(json["breakdown"]["answer_type"]["number"], 100.0);
  EXPECT_EQ(json["breakdown"]["answer_type"]["other"], 50.0);
}

TEST_F(AddedBenchmarks, ALoaderFileAndItsConfigAddANewFormat) {
  const auto result = Vleval("score --task tsvqa --predictions " + Predictions("tsvqa"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["n"], 2);
  EXPECT_EQ(json["metrics"]["accuracy"], 65.0);
}

TEST_F(AddedBenchmarks, TheNewLoaderIsThisFoldersPlugInNotABuiltIn) {
  // The shipped binary has no tsv_vqa loader: nothing in harness/ or
  // benchmarks/ was edited for it.
  const auto result = testing::RunCommand(std::string(VLEVAL_BINARY) + " score --task tsvqa --predictions " +
                                          Predictions("tsvqa") + " --configs " + (kDir / "configs").string() +
                                          " --data-root " + (kDir / "data").string());
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("tsv_vqa"), std::string::npos) << result.err;
}

TEST_F(AddedBenchmarks, RunWithTheReplayBackendScoresBothAndShowsTheirReferences) {
  const auto out = dir_.path() / "run";
  // This configs folder holds no models/: the shipped MiniGPT-v2 model config.
  const auto model = testing::SourceDir() / "configs" / "models" / "minigptv2-7b.json";
  const auto result =
      Vleval("run --suite added --backend replay --replay " + (dir_.path() / "replay").string() +
             " --model-config " + model.string() + " --no-history --quiet --out " + out.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto results = ReadJsonFile(out / "results.json");
  ASSERT_TRUE(results.ok()) << results.error().message;
  EXPECT_EQ((*results)["entries"]["minivqa"]["metrics"]["accuracy"], 66.67);
  EXPECT_EQ((*results)["entries"]["tsvqa"]["metrics"]["accuracy"], 65.0);
  auto run_info = ReadJsonFile(out / "run.json");
  ASSERT_TRUE(run_info.ok()) << run_info.error().message;
  EXPECT_EQ((*run_info)["model_config"]["name"], "minigptv2-7b");
  EXPECT_EQ((*run_info)["model_config"]["chat_template"], "<s>[INST] <Img><ImageHere></Img> {} [/INST]");
  EXPECT_EQ((*run_info)["box_codec"], "minigptv2");
  auto per_sample = ReadTextFile(out / "per_sample" / "tsvqa.jsonl");
  ASSERT_TRUE(per_sample.ok()) << per_sample.error().message;
  EXPECT_NE(per_sample->find("\"id\":\"q2\",\"reference\":\"cat\""), std::string::npos) << *per_sample;
}

TEST_F(AddedBenchmarks, AnUnknownBoxCodecOrAMissingModelConfigStopsTheRun) {
  const auto model = testing::SourceDir() / "configs" / "models" / "minigptv2-7b.json";
  const std::string common = "run --suite added --backend replay --replay " +
                             (dir_.path() / "replay").string() + " --no-history --quiet --out " +
                             (dir_.path() / "bad").string();
  const auto codec = Vleval(common + " --model-config " + model.string() + " --box-codec grid100");
  EXPECT_NE(codec.exit_code, 0);
  EXPECT_NE(codec.err.find("grid1000"), std::string::npos) << codec.err;
  // This configs folder has no models/minigptv2-7b.json to default to.
  const auto missing = Vleval(common);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("minigptv2-7b.json"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace vleval
