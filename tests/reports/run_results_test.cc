#include "reports/run_results.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kRunA = testing::SourceDir() / "tests" / "reports" / "fixtures" / "run_a";

TEST(RunResults, ReadsEveryEntryOfTheFixtureRun) {
  auto run = LoadRunResults(kRunA / "results.json");
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->harness_version, "0.1.0");
  EXPECT_FALSE(run->suite.has_value());
  EXPECT_EQ(run->backend, "minigptv2");
  EXPECT_EQ(run->checkpoint, "minigptv2_checkpoint.pth");
  EXPECT_EQ(run->entries.size(), 23u);
  const EntryResult* okvqa = run->Find("okvqa");
  ASSERT_NE(okvqa, nullptr);
  EXPECT_EQ(okvqa->metric, "vqa_accuracy");
  EXPECT_EQ(okvqa->n, 200);
  EXPECT_EQ(okvqa->metrics.at("accuracy"), 51.83);
  EXPECT_EQ(okvqa->breakdown.at("answer_type").size(), 3u);
  const EntryResult* none = run->Find("okvqa@none");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->identifier, "none");
  EXPECT_EQ(none->prompt_template,
            "Based on the image, respond to this question with a short answer: {question}");
  EXPECT_EQ(run->Find("chair:short")->variant, "short");
  EXPECT_EQ(run->Find("missing"), nullptr);
}

TEST(RunResults, HeadlineIsTheMetricThePaperPrints) {
  auto run = LoadRunResults(kRunA / "results.json");
  ASSERT_TRUE(run.ok());
  auto vqa = HeadlineOf(*run->Find("gqa"));
  ASSERT_TRUE(vqa);
  EXPECT_EQ(vqa->key, "accuracy");
  EXPECT_FALSE(vqa->lower_is_better);
  auto rec = HeadlineOf(*run->Find("refcoco_val"));
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->key, "acc@0.5");
  EXPECT_EQ(rec->value, 85.0);
  auto chair = HeadlineOf(*run->Find("chair:long"));
  ASSERT_TRUE(chair);
  EXPECT_EQ(chair->key, "chair_i");
  EXPECT_TRUE(chair->lower_is_better);
  EXPECT_FALSE(HeadlineOf(EntryResult{}).has_value());
}

TEST(RunResults, AMalformedEntryIsAnErrorNamingFileAndEntry) {
  testing::TempDir dir;
  const auto path = dir.path() / "results.json";
  std::ofstream(path) << R"({"format_version": 1, "harness_version": "0.1.0", "config": {},
    "entries": {"okvqa": {"task": "okvqa", "metric": "vqa_accuracy", "n": "many", "metrics": {}}}})";
  auto run = LoadRunResults(path);
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.error().message.find(path.string()), std::string::npos);
  EXPECT_NE(run.error().message.find("entry 'okvqa'"), std::string::npos) << run.error().message;
}

TEST(RunResults, AnotherFormatVersionIsRefused) {
  auto run = ParseRunResults(nlohmann::json::parse(R"({"format_version": 2})"), "r.json");
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.error().message.find("unsupported format_version 2"), std::string::npos);
}

}  // namespace
}  // namespace vleval
