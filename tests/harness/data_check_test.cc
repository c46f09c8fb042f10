// `vleval data check` as a library: every task of the mini root, missing
// images listed one by one, broken files reported per task.
#include "harness/data_check.h"

#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/mini_data_root.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

class DataCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(WriteMiniDataRoot(root_.path()).ok());
    auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
    ASSERT_TRUE(catalog.ok());
    catalog_ = *catalog;
  }
  testing::TempDir root_;
  TaskCatalog catalog_;
};

TEST_F(DataCheck, MiniRootPassesForEveryTask) {
  auto report = CheckData(catalog_, {}, root_.path());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->tasks.size(), 15u);
  EXPECT_TRUE(report->ok()) << FormatDataCheck(*report);
  // 8 REC files + 2 OK-VQA + 1 GQA + 1 VSR + 2 IconQA + 1 VizWiz + 1 HM + 3 CHAIR + CHAIR's 5 tables,
  // plus 3 images per task.
  EXPECT_EQ(report->Files().size(), 24u + 15u * 3u);
  EXPECT_NE(FormatDataCheck(*report).find("summary: 15 of 15 tasks ok, 0 missing images\n"),
            std::string::npos);
}

TEST_F(DataCheck, EveryMissingImageIsListed) {
  std::filesystem::remove_all(root_.path() / "vsr/images");
  std::filesystem::remove(root_.path() / "hm/img/42951.png");
  auto report = CheckData(catalog_, {"hm", "vsr", "hm"}, root_.path());
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->tasks.size(), 2u);
  EXPECT_EQ(report->tasks[0].missing_images.size(), 1u);
  EXPECT_EQ(report->tasks[1].missing_images.size(), 3u);
  const auto text = FormatDataCheck(*report);
  EXPECT_NE(text.find("  missing: sample 42951: image not found; tried:\n  " +
                      (root_.path() / "hm/img/42951.png").string()),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("summary: 0 of 2 tasks ok, 4 missing images"), std::string::npos);
}

TEST_F(DataCheck, MissingChairTablesFailTheTaskNamingWhatAndWhereEachIsPublished) {
  std::filesystem::remove(root_.path() / "chair/synonyms.txt");
  std::filesystem::remove(root_.path() / "chair/punkt_tab/english/sent_starters.txt");
  auto report = CheckData(catalog_, {"chair", "vsr"}, root_.path());
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->tasks.size(), 2u);
  const std::string& error = report->tasks[0].error;
  EXPECT_FALSE(report->tasks[0].ok());
  EXPECT_NE(
      error.find((root_.path() / "chair/synonyms.txt").string() + " is missing: the CHAIR synonym table"),
      std::string::npos)
      << error;
  EXPECT_NE(error.find("github.com/LisaAnne/Hallucination"), std::string::npos) << error;
  EXPECT_NE(error.find((root_.path() / "chair/punkt_tab/english/sent_starters.txt").string() +
                       " is missing: the sentence-starter list of nltk's punkt_tab English parameters"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.find("abbrev_types.txt"), std::string::npos) << "only the missing tables are listed";
  EXPECT_TRUE(report->tasks[1].ok());
}

TEST_F(DataCheck, BrokenFileFailsOnlyItsTask) {
  std::ofstream(root_.path() / "refcoco/refcocog_val.json") << "[{";
  auto report = CheckData(catalog_, {"refcocog"}, root_.path());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->tasks[0].ok());
  EXPECT_NE(report->tasks[0].error.find("refcocog_val.json: malformed JSON"), std::string::npos);
  EXPECT_TRUE(report->tasks[1].ok());
}

TEST_F(DataCheck, UnknownTaskSuggestsTheClosest) {
  auto report = CheckData(catalog_, {"okvq"}, root_.path());
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("did you mean 'okvqa'"), std::string::npos);
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(DataCheck, ANonImageFileFailsItsTask) {
  std::ofstream(root_.path() / "hm/img/42951.png", std::ios::trunc) << "not an image at all";
  auto report = CheckData(catalog_, {"hm"}, root_.path());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok());
  ASSERT_EQ(report->tasks[0].bad_images.size(), 1u);
  const auto text = FormatDataCheck(*report);
  EXPECT_NE(text.find("  not an image: " + (root_.path() / "hm/img/42951.png").string() +
                      ": not an image (supported: JPEG, PNG); file starts with 6e6f7420616e2069"),
            std::string::npos)
      << text;
}

TEST_F(DataCheck, TruncatedImagesAreListedButDoNotFail) {
  const auto png = root_.path() / "hm/img/42951.png";
  const auto png_bytes = ReadAll(png);
  std::ofstream(png, std::ios::binary | std::ios::trunc) << png_bytes.substr(0, png_bytes.size() - 20);
  const auto jpg = root_.path() / "vizwiz/val/VizWiz_val_00000000.jpg";
  const auto jpg_bytes = ReadAll(jpg);
  std::ofstream(jpg, std::ios::binary | std::ios::trunc) << jpg_bytes.substr(0, jpg_bytes.size() - 10);
  auto report = CheckData(catalog_, {"hm", "vizwiz"}, root_.path());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << FormatDataCheck(*report);
  const auto text = FormatDataCheck(*report);
  EXPECT_NE(text.find("  truncated: " + png.string() + " (PNG "), std::string::npos) << text;
  EXPECT_NE(text.find("  truncated: " + jpg.string() + " (JPEG "), std::string::npos) << text;
  EXPECT_NE(text.find("hm: 3 samples, 0 missing images, 1 truncated, ok"), std::string::npos) << text;
}

TEST_F(DataCheck, ImagesOutsideTheDataRootCountAsMissingUnlessAllowed) {
  testing::TempDir outside;
  std::filesystem::copy_file(root_.path() / "hm/img/42951.png", outside.path() / "x.png");
  std::ofstream(root_.path() / "hm/dev.jsonl", std::ios::trunc)
      << "{\"id\": 1, \"img\": \"" << (outside.path() / "x.png").string()
      << "\", \"label\": 0, \"text\": \"a\"}\n";
  auto report = CheckData(catalog_, {"hm"}, root_.path());
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->tasks[0].missing_images.size(), 1u);
  EXPECT_NE(report->tasks[0].missing_images[0].find("image path outside the data root"), std::string::npos);
  auto allowed = CheckData(catalog_, {"hm"}, root_.path(), /*allow_outside_paths=*/true);
  ASSERT_TRUE(allowed.ok());
  EXPECT_TRUE(allowed->tasks[0].missing_images.empty()) << FormatDataCheck(*allowed);
}

}  // namespace
}  // namespace vleval
