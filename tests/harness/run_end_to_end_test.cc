// A whole run on the mini data root with the fake backend: the files of a
// run folder, resume without recomputation, and byte-identical results.json
// whatever the thread count, batch size or shard count.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "harness/run/prediction_record.h"
#include "harness/run/predictions_journal.h"
#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

std::string Bytes(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  EXPECT_TRUE(text.ok()) << path;
  return text.ok() ? *text : "";
}

class RunEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(WriteMiniDataRoot(data_).ok()); }
  std::filesystem::path Out(const std::string& name) const { return dir_.path() / name; }

  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
  testing::FakeBackend backend_;
};

TEST_F(RunEndToEnd, WritesPredictionsPerSampleResultsAndReports) {
  const auto out = Out("run");
  const auto outcome = testing::RunWithFake(testing::MiniRequest(data_), out, backend_);
  ASSERT_TRUE(outcome.finished);
  for (const char* file :
       {"results.json", "run.json", "run_request.json", "report.md", "report.html", "predictions/okvqa.jsonl",
        "per_sample/okvqa.jsonl", "per_sample/chair:long.jsonl"}) {
    EXPECT_TRUE(std::filesystem::exists(out / file)) << file;
  }
  const auto results = *ReadJsonFile(out / "results.json");
  EXPECT_EQ(results["entries"].size(), 6u);
  EXPECT_EQ(results["entries"]["refcoco_val"]["resampled"], 3);  // every first answer was malformed
  EXPECT_EQ(results["entries"]["okvqa"]["n"], 3);
  EXPECT_EQ(results["config"]["model"]["backend"], "fake");

  const auto rec = *ReadJournal(out / "predictions" / "refcoco_val.jsonl");
  ASSERT_EQ(rec.records.size(), 3u);
  EXPECT_EQ(rec.records[0].attempts, 1);
  EXPECT_EQ(rec.records[0].output, "{<10><20><60><70>}");
  EXPECT_NE(rec.records[0].prompt.find("['"), std::string::npos);  // the resampling prompt
  const auto hm = *ReadJournal(out / "predictions" / "hm.jsonl");
  ASSERT_TRUE(hm.records[0].p_yes.has_value());
  EXPECT_GT(*hm.records[0].p_yes, 0.0);
  const auto icon = *ReadJournal(out / "predictions" / "iconvqa.jsonl");
  EXPECT_FALSE(icon.records[0].candidates_nll.empty());
  EXPECT_NE(Bytes(out / "per_sample" / "okvqa.jsonl").find("\"reference\""), std::string::npos);
}

TEST_F(RunEndToEnd, RecordsWhatTheExactIconVqaRankingAndVizWizApNeed) {
  const auto out = Out("run");
  RunRequest request = testing::MiniRequest(data_);
  request.tasks = {"iconvqa", "vizwiz"};
  ASSERT_TRUE(testing::RunWithFake(request, out, backend_).finished);
  const auto icon = *ReadJournal(out / "predictions" / "iconvqa.jsonl");
  ASSERT_FALSE(icon.records.empty());
  for (const auto& record : icon.records) {
    const ChoiceScoringDetail& detail = record.choice_detail;
    EXPECT_EQ(detail.tokens.size(), record.candidates_nll.size());
    ASSERT_TRUE(detail.prompt_positions && detail.padding_tokens);
    // The fake backend: tokens = size % 4 + 2, prompt_positions = prompt bytes.
    EXPECT_EQ(*detail.padding_tokens, 2);  // "none": 4 % 4 + 2
    EXPECT_EQ(*detail.prompt_positions, static_cast<int>(record.prompt.size()));
  }
  const auto vizwiz = *ReadJournal(out / "predictions" / "vizwiz.jsonl");
  ASSERT_FALSE(vizwiz.records.empty());
  for (const auto& record : vizwiz.records) {
    ASSERT_TRUE(record.p_unanswerable.has_value());
    EXPECT_GT(*record.p_unanswerable, 0.0);
    EXPECT_FALSE(record.p_yes.has_value());
  }
}

TEST_F(RunEndToEnd, RerunningAFinishedRunRecomputesNothingAndKeepsTheBytes) {
  const auto out = Out("run");
  testing::RunWithFake(testing::MiniRequest(data_), out, backend_);
  const std::string results = Bytes(out / "results.json");
  const std::string predictions = Bytes(out / "predictions" / "hm.jsonl");
  testing::FakeBackend again;
  ASSERT_TRUE(testing::RunWithFake(testing::MiniRequest(data_), out, again).finished);
  EXPECT_EQ(again.calls, 0);
  EXPECT_EQ(Bytes(out / "results.json"), results);
  EXPECT_EQ(Bytes(out / "predictions" / "hm.jsonl"), predictions);
}

TEST_F(RunEndToEnd, ResultsJsonDoesNotDependOnThreadsOrBatchSize) {
  auto request = testing::MiniRequest(data_);
  testing::RunWithFake(request, Out("a"), backend_, {}, 1);
  request.batch_size = 2;
  testing::FakeBackend other;
  testing::RunWithFake(request, Out("b"), other, {}, 4);
  EXPECT_EQ(Bytes(Out("a") / "results.json"), Bytes(Out("b") / "results.json"));
  EXPECT_EQ(Bytes(Out("a") / "predictions" / "refcoco_val.jsonl"),
            Bytes(Out("b") / "predictions" / "refcoco_val.jsonl"));
}

// A backend's preferred batch size (a served model's concurrency) replaces
// the task's; --batch-size replaces both. The results stay the same.
TEST_F(RunEndToEnd, ABackendsPreferredBatchSizeStandsUnlessBatchSizeIsGiven) {
  auto request = testing::MiniRequest(data_);
  request.tasks = {"vsr"};
  testing::RunWithFake(request, Out("task"), backend_);
  EXPECT_EQ(backend_.batch_sizes, (std::vector<std::size_t>{3}));
  testing::FakeBackend preferring;
  preferring.preferred = 2;
  testing::RunWithFake(request, Out("preferred"), preferring);
  EXPECT_EQ(preferring.batch_sizes, (std::vector<std::size_t>{2, 1}));
  request.batch_size = 1;
  testing::FakeBackend overridden;
  overridden.preferred = 2;
  testing::RunWithFake(request, Out("given"), overridden);
  EXPECT_EQ(overridden.batch_sizes, (std::vector<std::size_t>{1, 1, 1}));
  EXPECT_EQ(Bytes(Out("task") / "results.json"), Bytes(Out("preferred") / "results.json"));
}

// A model pads the prompts of a batch to the longest: the scheduler sends
// them bucketed by prompt length (a window of four batches, stably sorted).
TEST_F(RunEndToEnd, ModelBatchesAreBucketedByPromptLength) {
  auto request = testing::MiniRequest(data_);
  request.tasks = {"vsr"};
  request.batch_size = 1;
  testing::RunWithFake(request, Out("a"), backend_);
  const auto& lengths = backend_.generated_prompt_lengths;
  ASSERT_EQ(lengths.size(), 3u);
  ASSERT_NE(*std::min_element(lengths.begin(), lengths.end()),
            *std::max_element(lengths.begin(), lengths.end()))
      << "precondition: the mini root's prompts differ in length";
  EXPECT_TRUE(std::is_sorted(lengths.begin(), lengths.end()));
}

TEST_F(RunEndToEnd, OneShardAndThreeShardsGiveTheSameFiles) {
  const auto request = testing::MiniRequest(data_);
  testing::RunWithFake(request, Out("one"), backend_);
  const auto sharded = Out("three");
  EXPECT_FALSE(testing::RunWithFake(request, sharded, backend_, {2, 3}).finished);
  const auto waiting = testing::RunWithFake(request, sharded, backend_, {0, 3});
  EXPECT_FALSE(waiting.finished);
  EXPECT_EQ(waiting.unfinished_shards, std::vector<int>{1});
  EXPECT_TRUE(testing::RunWithFake(request, sharded, backend_, {1, 3}).finished);  // the last one merges
  EXPECT_EQ(Bytes(Out("one") / "results.json"), Bytes(sharded / "results.json"));
  for (const char* entry : {"okvqa", "hm", "iconvqa", "refcoco_val", "chair:long"}) {
    EXPECT_EQ(Bytes(Out("one") / "predictions" / (std::string(entry) + ".jsonl")),
              Bytes(sharded / "predictions" / (std::string(entry) + ".jsonl")))
        << entry;
  }
}

TEST_F(RunEndToEnd, MergeNamesTheUnfinishedShards) {
  const auto request = testing::MiniRequest(data_);
  testing::RunWithFake(request, Out("run"), backend_, {0, 2});
  auto plan = PlanRun(testing::ShippedCatalog(), request);
  ASSERT_TRUE(plan.ok());
  RunSettings settings{Out("run"), testing::SourceDir() / "configs", {0, 2}, 0, {}, {}};
  auto merged = MergeRun(testing::FakeDescription(request, 2), *plan, settings);
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.error().message.find("shards not finished yet: 1/2"), std::string::npos)
      << merged.error().message;
}

TEST_F(RunEndToEnd, AnotherRunIntoTheSameFolderIsRefusedNamingWhatDiffers) {
  auto request = testing::MiniRequest(data_);
  testing::RunWithFake(request, Out("run"), backend_);
  request.limit = 1;
  auto plan = PlanRun(testing::ShippedCatalog(), request);
  ASSERT_TRUE(plan.ok());
  ModelPredictionSource source(backend_);
  RunSettings settings{Out("run"), testing::SourceDir() / "configs", {}, 0, {}, {}};
  RunProgress progress(std::cerr, ProgressStyle::kQuiet);
  auto outcome = ExecuteRun(testing::FakeDescription(request), *plan, source, settings, progress);
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("differs in: limit"), std::string::npos) << outcome.error().message;
}

TEST_F(RunEndToEnd, LimitKeepsTheFirstSamplesOfEveryEntry) {
  auto request = testing::MiniRequest(data_);
  request.limit = 2;
  testing::RunWithFake(request, Out("run"), backend_);
  const auto results = *ReadJsonFile(Out("run") / "results.json");
  EXPECT_EQ(results["entries"]["vsr"]["n"], 2);
  EXPECT_EQ(results["config"]["limit"], 2);
  EXPECT_EQ(ReadJournal(Out("run") / "predictions" / "vsr.jsonl")->records.size(), 2u);
}

}  // namespace
}  // namespace vleval
