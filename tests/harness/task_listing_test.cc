#include "harness/task_listing.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(TaskListing, ShowsPromptsSuitesShorthandsAndPaperNumbers) {
  const auto configs = testing::SourceDir() / "configs";
  auto catalog = TaskCatalog::Load(configs);
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  auto paper = PaperReference::Load(configs / "reference" / "minigptv2-paper.json");
  ASSERT_TRUE(paper.ok());
  const std::string text = FormatTaskListing(*catalog, &*paper);
  EXPECT_NE(text.find("Tasks (15)"), std::string::npos);
  EXPECT_NE(text.find("\nokvqa  [okvqa -> vqa_accuracy, dialect minigptv2, max_new_tokens 20, 5046 samples]"),
            std::string::npos);
  EXPECT_NE(text.find("  prompt: [refer] give me the location of {sent}    (paper 88.69)"),
            std::string::npos);
  EXPECT_NE(text.find("  short: [caption] briefly describe the image    (paper CHAIR_i 4.4 CHAIR_s 7.1)"),
            std::string::npos);
  EXPECT_NE(text.find("prompt = task text inside the model config's chat template"), std::string::npos);
  EXPECT_NE(text.find("okvqa, okvqa (identifier none), gqa"), std::string::npos);
  EXPECT_NE(text.find("  refcocog = refcocog_val refcocog_test"), std::string::npos);
}

TEST(TaskListing, JsonListsEveryTaskConfigVerbatim) {
  auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
  ASSERT_TRUE(catalog.ok());
  const auto json = TaskListingJson(*catalog);
  ASSERT_EQ(json["tasks"].size(), 15u);
  EXPECT_EQ(json["tasks"][0]["name"], "chair");
  EXPECT_EQ(json["suites"].size(), catalog->suites().size());
}

}  // namespace
}  // namespace vleval
