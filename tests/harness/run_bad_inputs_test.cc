// Bad inputs stop a run with an error naming what is wrong, and never touch
// the predictions already written: missing images, a full disk, a read-only
// run folder, a missing model file, a missing data root or annotation file.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "harness/data_prompts.h"
#include "harness/run/run_backend.h"
#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

class RunBadInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(WriteMiniDataRoot(data_).ok());
    request_.tasks = {"okvqa", "vsr"};
    request_.data_root = data_;
  }

  // Runs request_ into out_; returns the error message ("" on success).
  std::string RunExpectingError() {
    auto plan = PlanRun(testing::ShippedCatalog(), request_);
    if (!plan) return plan.error().message;
    ModelPredictionSource source(backend_);
    RunSettings settings{out_, testing::SourceDir() / "configs", {}, 0, {}, {}};
    RunProgress progress(std::cerr, ProgressStyle::kQuiet);
    auto outcome = ExecuteRun(testing::FakeDescription(request_), *plan, source, settings, progress);
    return outcome.ok() ? "" : outcome.error().message;
  }

  void ExpectOkvqaPredictionsIntact() {
    auto text = ReadTextFile(out_ / "predictions" / "okvqa.jsonl");
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(std::count(text->begin(), text->end(), '\n'), 3);
    EXPECT_FALSE(std::filesystem::exists(out_ / "results.json"));
  }

  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
  std::filesystem::path out_ = dir_.path() / "run";
  RunRequest request_;
  testing::FakeBackend backend_;
};

TEST_F(RunBadInputs, AMissingImageNamesTheSampleAndKeepsEarlierEntries) {
  std::filesystem::remove_all(data_ / "vsr" / "images");
  std::filesystem::remove_all(data_ / "coco" / "train2017");
  std::filesystem::remove_all(data_ / "coco" / "val2017");
  const std::string error = RunExpectingError();
  EXPECT_NE(error.find("vsr: "), std::string::npos) << error;
  EXPECT_NE(error.find("vsr/images"), std::string::npos) << error;  // the paths tried
  ExpectOkvqaPredictionsIntact();
}

TEST_F(RunBadInputs, AFullDiskIsAnErrorAndEarlierPredictionsStay) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "skipped: /dev/full is absent";
  std::filesystem::create_directories(out_ / "predictions");
  std::filesystem::create_symlink("/dev/full", out_ / "predictions" / "vsr.jsonl");
  const std::string error = RunExpectingError();
  EXPECT_NE(error.find("vsr.jsonl: No space left on device"), std::string::npos) << error;
  ExpectOkvqaPredictionsIntact();
}

TEST_F(RunBadInputs, AReadOnlyRunFolderIsAnErrorNamingIt) {
  if (::geteuid() == 0) GTEST_SKIP() << "skipped: root writes into read-only folders";
  std::filesystem::create_directories(out_);
  ::chmod(out_.c_str(), 0555);
  const std::string error = RunExpectingError();
  ::chmod(out_.c_str(), 0755);
  EXPECT_NE(error.find(out_.string()), std::string::npos) << error;
  EXPECT_NE(error.find("ermission denied"), std::string::npos) << error;
}

TEST_F(RunBadInputs, AMissingModelFileNamesItsOption) {
  BackendChoice choice;
  const auto checkpoint = dir_.path() / "minigptv2_checkpoint.pth";
  choice.settings = {
      {"llama", dir_.path().string()}, {"vit", dir_.path().string()}, {"checkpoint", checkpoint.string()}};
  auto described = DescribeBackend(choice);
  ASSERT_FALSE(described.ok());
  EXPECT_NE(described.error().message.find("--checkpoint " + checkpoint.string() + ": no such file"),
            std::string::npos)
      << described.error().message;
}

TEST_F(RunBadInputs, AConvertedFileIsDescribedWithItsTokenizerAndMustComeAlone) {
  BackendChoice choice;
  const auto converted = dir_.path() / "tiny.safetensors";
  choice.settings["converted"] = converted.string();
  std::ofstream(converted) << "weights";
  auto missing_tokenizer = DescribeBackend(choice);
  ASSERT_FALSE(missing_tokenizer.ok());
  EXPECT_NE(missing_tokenizer.error().message.find("--converted-tokenizer"), std::string::npos)
      << missing_tokenizer.error().message;
  std::ofstream(dir_.path() / "tiny.tokenizer.model") << "tokenizer";
  auto described = DescribeBackend(choice);
  ASSERT_TRUE(described.ok()) << described.error().message;
  EXPECT_EQ((*described)["files"]["converted"]["name"], "tiny.safetensors");
  EXPECT_EQ((*described)["files"]["converted-tokenizer"]["name"], "tiny.tokenizer.model");
  choice.settings["checkpoint"] = converted.string();
  auto mixed = DescribeBackend(choice);
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().message, "--converted replaces --llama, --vit and --checkpoint: give it alone");
}

TEST_F(RunBadInputs, AMissingDataRootOrAnnotationFileIsAnError) {
  auto root = ResolveDataRoot((dir_.path() / "nowhere").string());
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.error().message.find("nowhere is not a folder"), std::string::npos);
  std::filesystem::remove(data_ / "vsr" / "test.jsonl");
  const std::string error = RunExpectingError();
  EXPECT_NE(error.find("vsr"), std::string::npos) << error;
  EXPECT_FALSE(std::filesystem::exists(out_));  // nothing written before the data is known to be there
}

// A backend that cannot serve a task's requests fails the run at start,
// before anything is opened, naming the task, the backend and the capability.
TEST(RunCapabilities, ATaskTheBackendCannotServeIsNamedWithTheMissingCapability) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteMiniDataRoot(dir.path()).ok());
  auto request = testing::MiniRequest(dir.path());
  auto plan = PlanRun(testing::ShippedCatalog(), request);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_TRUE(CheckPlanCapabilities({true, true, true}, *plan, "full").ok());
  const Status no_scoring = CheckPlanCapabilities({true, false, true}, *plan, "chat");
  ASSERT_FALSE(no_scoring.ok());
  EXPECT_EQ(
      no_scoring.message(),
      "task iconvqa needs candidate scoring (score-candidates requests), which backend chat does not offer");
  const Status no_probabilities = CheckPlanCapabilities({true, true, false}, *plan, "chat");
  ASSERT_FALSE(no_probabilities.ok());
  EXPECT_EQ(
      no_probabilities.message(),
      "task hm needs first-token probabilities (generate-with-first-token requests), which backend chat "
      "does not offer");
}

}  // namespace
}  // namespace vleval
