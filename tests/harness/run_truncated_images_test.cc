// Truncated image files in a run (harness/run/truncated_images.h): on the
// mini data root with one JPEG and one PNG cut short, the samples are still
// evaluated, the run warns on stderr naming each file as it reads it, the
// records journal the fact, and results.json lists the samples per entry in
// sample order; resumed and sharded runs give the same bytes, and a run
// without truncated files has no such field.
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "benchmarks/loader.h"
#include "core/json_file.h"
#include "core/sample_id.h"
#include "harness/run/predictions_journal.h"
#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

std::string Bytes(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  EXPECT_TRUE(text.ok()) << path;
  return text.ok() ? *text : "";
}

// Cuts `path` to `keep` of its bytes (negative: drops that many from the end).
void Cut(const std::filesystem::path& path, long keep) {
  const std::string bytes = Bytes(path);
  const auto size = static_cast<std::size_t>(keep >= 0 ? keep : static_cast<long>(bytes.size()) + keep);
  ASSERT_LT(size, bytes.size());
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(size));
}

class RunTruncatedImages : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(WriteMiniDataRoot(data_).ok());
    request_ = testing::MiniRequest(data_);
    request_.tasks = {"okvqa", "iconvqa", "vsr"};
    auto plan = PlanRun(testing::ShippedCatalog(), request_);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    // The image of okvqa's first sample (a JPEG cut inside its scan) and of
    // iconvqa's first sample (a PNG without its IEND chunk); vsr keeps its images.
    const auto image_of = [&](std::size_t entry) {
      return *ResolveImage((*plan)[entry].loaded.samples[0], (*plan)[entry].loaded.image_roots);
    };
    jpeg_ = image_of(0);
    png_ = image_of(1);
    ASSERT_EQ(jpeg_.extension(), ".jpg");
    ASSERT_EQ(png_.extension(), ".png");
    Cut(jpeg_, static_cast<long>(std::filesystem::file_size(jpeg_) * 3 / 4));
    Cut(png_, -12);
    for (const auto& entry : *plan) {
      for (const auto& sample : entry.loaded.samples) {
        const auto path = *ResolveImage(sample, entry.loaded.image_roots);
        if (path == jpeg_ || path == png_) expected_[entry.name].push_back(SampleIdText(sample.id));
      }
    }
  }
  std::filesystem::path Out(const std::string& name) const { return dir_.path() / name; }
  std::string Relative(const std::filesystem::path& path) const {
    return path.lexically_relative(data_).generic_string();
  }

  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
  RunRequest request_;
  std::filesystem::path jpeg_, png_;
  std::map<std::string, std::vector<std::string>> expected_;  // entry -> sample ids, in sample order
  testing::FakeBackend backend_;
};

TEST_F(RunTruncatedImages, AreEvaluatedWarnedAboutJournaledAndListedPerEntry) {
  ASSERT_EQ(expected_.size(), 2u);
  ::testing::internal::CaptureStderr();
  const bool finished = testing::RunWithFake(request_, Out("run"), backend_).finished;
  const std::string warnings = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(finished);
  EXPECT_NE(warnings.find("vleval run: warning: okvqa: sample " + expected_["okvqa"][0] + ": " +
                          jpeg_.string() + ": the image file is truncated"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find(png_.string() + ": the image file is truncated"), std::string::npos) << warnings;

  const auto results = *ReadJsonFile(Out("run") / "results.json");
  for (const auto& [entry, ids] : expected_) {
    const auto& listed = results["entries"][entry]["truncated_images"];
    ASSERT_EQ(listed["count"], ids.size()) << entry;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      EXPECT_EQ(SampleIdText(listed["samples"][i]["id"]), ids[i]) << entry;
      EXPECT_EQ(listed["samples"][i]["image"], Relative(entry == "okvqa" ? jpeg_ : png_)) << entry;
    }
    EXPECT_EQ(results["entries"][entry]["n"], 3) << "every sample was evaluated";
    EXPECT_EQ(results["entries"][entry]["failures"], 0);
    const auto journal = *ReadJournal(Out("run") / "predictions" / (entry + ".jsonl"));
    std::size_t flagged = 0;
    for (const auto& record : journal.records) flagged += record.image_truncated ? 1 : 0;
    EXPECT_EQ(flagged, ids.size()) << entry;
  }
  EXPECT_FALSE(results["entries"]["vsr"].contains("truncated_images"));
  EXPECT_NE(Bytes(Out("run") / "predictions" / "okvqa.jsonl").find(",\"image_truncated\":true,\"crc32\""),
            std::string::npos);
}

TEST_F(RunTruncatedImages, AResumedRunAndAShardedRunKeepTheList) {
  request_.batch_size = 1;
  const auto whole = Out("whole");
  ASSERT_TRUE(testing::RunWithFake(request_, whole, backend_).finished);

  // A run killed once the records of the truncated images were written: the
  // re-run reads no truncated file again (no warning), yet lists them all.
  const auto resumed = Out("resumed");
  ASSERT_TRUE(testing::RunWithFake(request_, resumed, backend_).finished);
  for (const char* file : {"results.json", "report.md", "report.html"})
    std::filesystem::remove(resumed / file);
  std::filesystem::remove_all(resumed / "per_sample");
  for (const auto& entry : request_.tasks) {
    const auto path = resumed / "predictions" / (entry + ".jsonl");
    std::istringstream lines(Bytes(path));
    std::string kept, line;
    while (std::getline(lines, line)) {
      if (line.find("\"image_truncated\":true") != std::string::npos) kept += line + "\n";
    }
    std::ofstream(path, std::ios::trunc) << kept;
  }
  ::testing::internal::CaptureStderr();
  const bool finished = testing::RunWithFake(request_, resumed, backend_).finished;
  const std::string warnings = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(finished);
  EXPECT_EQ(warnings.find("truncated"), std::string::npos) << warnings;
  EXPECT_EQ(Bytes(resumed / "results.json"), Bytes(whole / "results.json"));

  const auto sharded = Out("sharded");
  EXPECT_FALSE(testing::RunWithFake(request_, sharded, backend_, {1, 2}).finished);
  EXPECT_TRUE(testing::RunWithFake(request_, sharded, backend_, {0, 2}).finished);
  EXPECT_EQ(Bytes(sharded / "results.json"), Bytes(whole / "results.json"));
  EXPECT_NE(Bytes(whole / "results.json").find("\"truncated_images\""), std::string::npos);
}

TEST(RunTruncatedImagesAbsent, ARunWithCompleteImagesHasNoListAndNoWarning) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteMiniDataRoot(dir.path() / "data").ok());
  testing::FakeBackend backend;
  ::testing::internal::CaptureStderr();
  const bool finished =
      testing::RunWithFake(testing::MiniRequest(dir.path() / "data"), dir.path() / "run", backend).finished;
  const std::string warnings = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(finished);
  EXPECT_EQ(warnings.find("truncated"), std::string::npos) << warnings;
  EXPECT_EQ(Bytes(dir.path() / "run" / "results.json").find("truncated"), std::string::npos);
  EXPECT_EQ(Bytes(dir.path() / "run" / "predictions" / "okvqa.jsonl").find("image_truncated"),
            std::string::npos);
}

}  // namespace
}  // namespace vleval
