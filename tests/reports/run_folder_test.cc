#include "reports/run_folder.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kRunA = testing::SourceDir() / "tests" / "reports" / "fixtures" / "run_a";

TEST(RunFolder, ReadsPerSampleOutcomesAndPredictionsInFileOrder) {
  auto run = RunFolder::Open(kRunA);
  ASSERT_TRUE(run.ok()) << run.error().message;
  auto outcomes = run->PerSample("okvqa");
  ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
  ASSERT_TRUE(outcomes->has_value());
  ASSERT_EQ((*outcomes)->size(), 200u);
  EXPECT_EQ((**outcomes)[0].id, "2971475");
  EXPECT_EQ((**outcomes)[0].reference, "cake");
  EXPECT_DOUBLE_EQ((**outcomes)[0].score, 2.0 / 3.0);
  auto predictions = run->Predictions("refcoco_val");
  ASSERT_TRUE(predictions.ok());
  ASSERT_TRUE(predictions->has_value());
  EXPECT_EQ((**predictions)[0].id, "0");
  EXPECT_EQ((**predictions)[0].output, "{<4><0><29><31>}");
}

TEST(RunFolder, StringIdsStayAsTheyAre) {
  auto run = RunFolder::Open(kRunA);
  ASSERT_TRUE(run.ok());
  auto outcomes = run->PerSample("gqa");
  ASSERT_TRUE(outcomes.ok() && outcomes->has_value());
  EXPECT_EQ((**outcomes)[1].id, "20240878");
  EXPECT_EQ(SampleIdText(nlohmann::json("VizWiz_val_00000001.jpg")), "VizWiz_val_00000001.jpg");
  EXPECT_EQ(SampleIdText(nlohmann::json(12)), "12");
}

TEST(RunFolder, AnEntryWithoutFilesHasNoOutcomes) {
  auto run = RunFolder::Open(kRunA);
  ASSERT_TRUE(run.ok());
  auto outcomes = run->PerSample("vsr");
  ASSERT_TRUE(outcomes.ok());
  EXPECT_FALSE(outcomes->has_value());
}

TEST(RunFolder, AMalformedLineIsAnErrorNamingFileAndLine) {
  testing::TempDir dir;
  std::filesystem::copy_file(kRunA / "results.json", dir.path() / "results.json");
  std::filesystem::create_directories(dir.path() / "per_sample");
  std::ofstream(dir.path() / "per_sample" / "okvqa.jsonl") << "{\"id\": 1, \"score\": 1}\n\n{\"id\": 2}\n";
  auto run = RunFolder::Open(dir.path());
  ASSERT_TRUE(run.ok());
  auto outcomes = run->PerSample("okvqa");
  ASSERT_FALSE(outcomes.ok());
  EXPECT_NE(outcomes.error().message.find("okvqa.jsonl:3:"), std::string::npos) << outcomes.error().message;
}

TEST(RunFolder, MissingKeysAndDuplicateKeysAreNamedWithFileAndLine) {
  testing::TempDir dir;
  std::filesystem::copy_file(kRunA / "results.json", dir.path() / "results.json");
  std::filesystem::create_directories(dir.path() / "per_sample");
  std::filesystem::create_directories(dir.path() / "predictions");
  std::ofstream(dir.path() / "per_sample" / "okvqa.jsonl") << "{\"id\": 1, \"score\": 1}\n{\"id\": 2}\n";
  std::ofstream(dir.path() / "predictions" / "okvqa.jsonl")
      << "{\"id\": 1, \"output\": \"a\", \"output\": \"b\"}\n";
  auto run = RunFolder::Open(dir.path());
  ASSERT_TRUE(run.ok());
  auto outcomes = run->PerSample("okvqa");
  ASSERT_FALSE(outcomes.ok());
  EXPECT_NE(outcomes.error().message.find("okvqa.jsonl:2: 'score' is missing"), std::string::npos)
      << outcomes.error().message;
  auto predictions = run->Predictions("okvqa");
  ASSERT_FALSE(predictions.ok());
  EXPECT_NE(predictions.error().message.find("okvqa.jsonl:1: duplicate key 'output'"), std::string::npos)
      << predictions.error().message;
}

TEST(RunFolder, AFolderWithoutResultsIsAnError) {
  testing::TempDir dir;
  auto run = RunFolder::Open(dir.path());
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.error().message.find("results.json"), std::string::npos);
}

}  // namespace
}  // namespace vleval
