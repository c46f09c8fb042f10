// The data-facing commands as a user runs them: `vleval data make-mini`,
// `vleval data check` (with a manifest), `vleval validate` and
// `vleval tasks --show-prompt`.
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

testing::CommandResult Vleval(const std::string& args) {
  return testing::RunCommand(std::string(VLEVAL_BINARY) + " " + args);
}

// One mini root for the suite, written by the command under test; tests that
// change it restore it with WriteBack().
class DataCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    // Checked by SetUp: googletest would mark the suite skipped on a failure here.
    first_write_ = Vleval("data make-mini --out " + Root());
  }
  void SetUp() override { ASSERT_EQ(first_write_.exit_code, 0) << first_write_.err; }
  static void TearDownTestSuite() { delete dir_; }
  static void WriteBack() {
    const auto made = Vleval("data make-mini --out " + Root());
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }
  static std::string Root() { return (dir_->path() / "mini").string(); }
  static testing::TempDir* dir_;
  static inline testing::CommandResult first_write_;
};
testing::TempDir* DataCli::dir_ = nullptr;

TEST_F(DataCli, CheckWritesAManifestThatLaterDetectsAChange) {
  const std::string manifest = (dir_->path() / "manifest.json").string();
  auto check = Vleval("data check --data-root " + Root() + " --manifest " + manifest);
  ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("summary: 15 of 15 tasks ok, 0 missing images"), std::string::npos);
  // 19 annotation files, CHAIR's 5 tables, 45 images.
  EXPECT_NE(check.out.find("manifest " + manifest + ": 69 files"), std::string::npos) << check.out;
  std::ofstream(dir_->path() / "mini/vsr/test.jsonl", std::ios::app) << "\n";
  auto verify = Vleval("data check --data-root " + Root() + " --tasks vsr --verify-manifest " + manifest);
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find("changed: vsr/test.jsonl"), std::string::npos) << verify.out;
  WriteBack();
}

TEST_F(DataCli, CheckFailsAndListsAMissingImage) {
  std::filesystem::remove(dir_->path() / "mini/vizwiz/val/VizWiz_val_00000001.jpg");
  auto check = Vleval("data check --data-root " + Root() + " --tasks vizwiz");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("missing: sample \"VizWiz_val_00000001.jpg\": image not found"), std::string::npos)
      << check.out;
  WriteBack();
}

TEST_F(DataCli, DataWithoutSubcommandIsAUsageError) {
  EXPECT_EQ(Vleval("data").exit_code, 2);
  EXPECT_EQ(Vleval("data check --bogus").exit_code, 2);
}

TEST_F(DataCli, ShowPromptPrintsTheExactTokenizerInput) {
  auto shown = Vleval("tasks --show-prompt okvqa --sample 1 --data-root " + Root());
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out,
            "<s>[INST] <Img><ImageHere></Img> [vqa] Based on the image, respond to this question with a "
            "short answer: Where is the box? [/INST]\n");
  auto replaced = Vleval("tasks --show-prompt vsr --identifier [affect] --data-root " + Root());
  EXPECT_EQ(replaced.out,
            "<s>[INST] <Img><ImageHere></Img> [affect] Based on the image, is this statement true or "
            "false? The cat is on the bed. [/INST]\n");
  auto past_end = Vleval("tasks --show-prompt vsr --sample 3 --data-root " + Root());
  EXPECT_EQ(past_end.exit_code, 1);
  EXPECT_NE(past_end.err.find("task 'vsr' has 3 samples; sample 3 does not exist"), std::string::npos);
}

TEST_F(DataCli, ValidateRendersEverySuiteEntry) {
  auto validate = Vleval("validate --suite paper-table4 --samples 1 --data-root " + Root());
  ASSERT_EQ(validate.exit_code, 0) << validate.out << validate.err;
  EXPECT_NE(
      validate.out.find("chair [short, identifier default] #0 id 2239\n  prompt: <s>[INST] <Img><ImageHere>"
                        "</Img> [caption] briefly describe the image [/INST]"),
      std::string::npos)
      << validate.out;
  EXPECT_NE(validate.out.find("validate: 3 entries, 0 problems"), std::string::npos);
  auto missing_root = Vleval("validate --data-root " + Root() + "/nope");
  EXPECT_EQ(missing_root.exit_code, 1);
  EXPECT_NE(missing_root.err.find("is not a folder"), std::string::npos);
}

}  // namespace
}  // namespace vleval
