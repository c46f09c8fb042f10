// `vleval generate` on the tiny model of scripts/make-tiny-minigptv2: JSON
// output with the reference prompt ids, question wrapping, and errors; and
// `vleval run` on it over a mini data root with truncated images (the
// cheapest real model that reads images; in this suite for the tiny model and
// for the asan preset's exclusion of binaries that start libtorch).
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

class GenerateCli : public ::testing::Test {
 protected:
  // One tiny model for the whole suite (the script takes seconds).
  static void SetUpTestSuite() {
    if (testing::RunCommand("/usr/bin/python3 -c 'import torch, PIL'").exit_code != 0 ||
        !testing::HaveProgram("spm_train")) {
      return;
    }
    dir_ = new testing::TempDir();
    const auto d = dir_->path().string();
    ready_ =
        testing::RunCommand(testing::SourceDir().string() + "/scripts/make-tiny-minigptv2 " + d).exit_code ==
            0 &&
        testing::RunCommand(
            "/usr/bin/python3 -c \"from PIL import Image; Image.new('RGB', (90, 60), (200, 30, 90)).save('" +
            d + "/photo.png')\"")
                .exit_code == 0;
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    if (dir_ == nullptr)
      GTEST_SKIP() << "skipped: /usr/bin/python3 with torch and PIL, or spm_train, is absent";
    ASSERT_TRUE(ready_) << "scripts/make-tiny-minigptv2 failed";
  }
  // The command line with every model option but --checkpoint.
  static std::string Command(const std::string& more) {
    const auto d = dir_->path().string();
    return std::string(VLEVAL_BINARY) + " generate --llama " + d + "/llama --vit " + d +
           "/eva_vit_g.pth --model-config " + testing::SourceDir().string() +
           "/configs/models/minigptv2-tiny.json --image " + d + "/photo.png" + more;
  }
  static testing::CommandResult Generate(const std::string& more) {
    return testing::RunCommand(Command(" --checkpoint " + dir_->path().string() + "/checkpoint.pth" + more));
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline bool ready_ = false;
};

TEST_F(GenerateCli, PrintsTextTokenIdsAndTheReferencePromptIds) {
  auto reference = ReadJsonFile(dir_->path() / "reference.json");
  ASSERT_TRUE(reference);
  const auto& first_case = (*reference)["cases"][0];
  const auto result =
      Generate(" --max-new-tokens 5 --prompt '" + first_case["prompt"].get<std::string>() + "'");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto out = nlohmann::json::parse(result.out);
  EXPECT_TRUE(out["text"].is_string());
  EXPECT_EQ(out["token_ids"].size(), 5u);
  EXPECT_EQ(out["prompt_token_ids"], first_case["prompt_token_ids"]);
}

TEST_F(GenerateCli, BareQuestionIsWrappedInTheEvalConversation) {
  const auto bare = Generate(" --max-new-tokens 2 --prompt 'the dog'");
  const auto full =
      Generate(" --max-new-tokens 2 --prompt '<s>[INST] <Img><ImageHere></Img> the dog [/INST]'");
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_EQ(bare.out, full.out);
}

TEST_F(GenerateCli, MissingCheckpointFailsNamingTheFile) {
  const auto result = testing::RunCommand(Command(" --checkpoint /nonexistent/ckpt.pth --prompt x"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("vleval generate: /nonexistent/ckpt.pth"), std::string::npos) << result.err;
}

TEST_F(GenerateCli, RunWarnsAboutAndListsTruncatedImages) {
  const testing::TempDir work;
  const auto data = work.path() / "data";
  const std::string vleval = VLEVAL_BINARY;
  ASSERT_EQ(testing::RunCommand(vleval + " data make-mini --out " + data.string()).exit_code, 0);
  const auto jpeg = data / "coco/val2014/COCO_val2014_000000009000.jpg";  // okvqa's first sample
  const auto png = data / "iconvqa/iconqa/val/choose_txt/100/image.png";  // iconvqa's first sample
  std::filesystem::resize_file(jpeg, std::filesystem::file_size(jpeg) * 3 / 4);
  std::filesystem::resize_file(png, std::filesystem::file_size(png) - 12);  // no IEND
  const auto d = dir_->path().string();
  const auto run = work.path() / "run";
  const auto result = testing::RunCommand(
      vleval + " run --tasks okvqa,iconvqa --data-root " + data.string() + " --out " + run.string() +
      " --llama " + d + "/llama --vit " + d + "/eva_vit_g.pth --checkpoint " + d +
      "/checkpoint.pth --model-config " + testing::SourceDir().string() +
      "/configs/models/minigptv2-tiny.json --quiet --no-history --digest-cache none");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("vleval run: warning: okvqa: sample 90005: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("COCO_val2014_000000009000.jpg: the image file is truncated"), std::string::npos);
  EXPECT_NE(result.err.find("100/image.png: the image file is truncated"), std::string::npos) << result.err;
  const auto results = ReadJsonFile(run / "results.json");
  ASSERT_TRUE(results);
  const auto& okvqa = (*results)["entries"]["okvqa"];
  EXPECT_EQ(okvqa["n"], 3);
  EXPECT_EQ(
      okvqa["truncated_images"],
      nlohmann::json::parse(
          R"({"count": 1, "samples": [{"id": 90005, "image": "coco/val2014/COCO_val2014_000000009000.jpg"}]})"));
  const auto& icon = (*results)["entries"]["iconvqa"]["truncated_images"];
  ASSERT_EQ(icon["count"], 1);
  EXPECT_EQ(icon["samples"][0]["image"], "iconvqa/iconqa/val/choose_txt/100/image.png");
}

TEST_F(GenerateCli, HalfPrecisionOnCpuIsRefused) {
  const auto result = Generate(" --prompt x --dtype float16");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("dtype float16 needs a CUDA device"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace vleval
