// `vleval generate` on the tiny model of scripts/make-tiny-minigptv2: JSON
// output with the reference prompt ids, question wrapping, and errors.
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

TEST_F(GenerateCli, HalfPrecisionOnCpuIsRefused) {
  const auto result = Generate(" --prompt x --dtype float16");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("dtype float16 needs a CUDA device"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace vleval
