// The shipped configs/: every task and suite of ../shared/spec/data_layout.md,
// with the exact prompt strings of the official evaluation.
#include "benchmarks/task_catalog.h"

#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/prompt.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TaskCatalog ShippedCatalog() {
  auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
  EXPECT_TRUE(catalog.ok()) << catalog.error().message;
  return catalog.ok() ? *catalog : TaskCatalog{};
}

std::string TaskText(const TaskCatalog& catalog, const std::string& task, const std::string& variant,
                     const std::map<std::string, std::string>& fields) {
  auto config = catalog.FindTask(task);
  EXPECT_TRUE(config.ok());
  auto prompt = (*config)->Variant(variant);
  EXPECT_TRUE(prompt.ok());
  auto text = RenderTaskText(*prompt, {}, fields);
  EXPECT_TRUE(text.ok());
  return text.ok() ? *text : "";
}

TEST(ShippedCatalog, HoldsEveryTaskAndSuiteOfTheDataLayout) {
  const auto catalog = ShippedCatalog();
  for (const char* task :
       {"okvqa", "gqa", "vsr", "iconvqa", "vizwiz", "hm", "refcoco_val", "refcoco_testA", "refcoco_testB",
        "refcoco+_val", "refcoco+_testA", "refcoco+_testB", "refcocog_val", "refcocog_test", "chair"}) {
    EXPECT_TRUE(catalog.FindTask(task).ok()) << task;
  }
  EXPECT_EQ(catalog.tasks().size(), 15u);
  for (const char* suite : {"paper-table2", "paper-table3", "paper-table4", "paper-table5", "demo"}) {
    EXPECT_TRUE(catalog.ExpandSuite(suite).ok()) << suite;
  }
}

TEST(ShippedCatalog, PromptsAreTheOfficialStrings) {
  const auto catalog = ShippedCatalog();
  EXPECT_EQ(TaskText(catalog, "okvqa", "", {{"question", "Q?"}}),
            "[vqa] Based on the image, respond to this question with a short answer: Q?");
  EXPECT_EQ(TaskText(catalog, "vsr", "", {{"caption", "The cat is on the mat."}}),
            "[vqa] Based on the image, is this statement true or false? The cat is on the mat.");
  EXPECT_EQ(TaskText(catalog, "vizwiz", "", {{"question", "what is this?"}}),
            "[vqa] The question is 'what is this?' Based on the image, answer the question with a single "
            "word or phrase. and reply 'unanswerable' when the provided information is insufficient");
  EXPECT_EQ(TaskText(catalog, "hm", "", {{"text", "meme text"}}),
            "This is an image writting 'meme text'. Is this image hateful? Answer yes or no. Answer:");
  EXPECT_EQ(TaskText(catalog, "refcocog_test", "", {{"sent", "the man"}}),
            "[refer] give me the location of the man");
  EXPECT_EQ(TaskText(catalog, "chair", "long", {}), "generate a brief description of the given image");
  EXPECT_EQ(TaskText(catalog, "chair", "grounded", {}),
            "[grounding] describe this image in as detailed as possible");
  EXPECT_EQ(TaskText(catalog, "chair", "short", {}), "[caption] briefly describe the image");
  EXPECT_EQ((*catalog.FindTask("hm"))->generation.batch_size, 100);
}

TEST(ShippedCatalog, ShorthandsExpandToTheirSplitsInOrder) {
  const auto catalog = ShippedCatalog();
  auto entries = catalog.ExpandTasks({"okvqa", "refcoco+", "refcocog"});
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  std::vector<std::string> names;
  for (const auto& entry : *entries) names.push_back(entry.task);
  EXPECT_EQ(names, (std::vector<std::string>{"okvqa", "refcoco+_val", "refcoco+_testA", "refcoco+_testB",
                                             "refcocog_val", "refcocog_test"}));
}

TEST(ShippedCatalog, Table5RunsEachVqaTaskWithAndWithoutItsIdentifier) {
  const auto catalog = ShippedCatalog();
  auto entries = catalog.ExpandSuite("paper-table5");
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 12u);
  EXPECT_EQ((*entries)[0].identifier, "default");
  EXPECT_EQ((*entries)[1].identifier, "none");
}

TEST(ShippedCatalog, UnknownTaskSuggestsTheClosestName) {
  const auto catalog = ShippedCatalog();
  auto entries = catalog.ExpandTasks({"refcoco_tesA"});
  ASSERT_FALSE(entries.ok());
  EXPECT_NE(entries.error().message.find("did you mean 'refcoco_testA'"), std::string::npos);
}

TEST(TaskCatalog, SuiteNamingAnUnknownTaskIsAnErrorNamingTheFile) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "tasks");
  std::filesystem::create_directories(dir.path() / "suites");
  std::ofstream(dir.path() / "suites" / "broken.json")
      << R"({"name": "broken", "version": 1, "entries": [{"task": "nope"}]})";
  auto catalog = TaskCatalog::Load(dir.path());
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.error().message.find("broken.json"), std::string::npos);
  EXPECT_NE(catalog.error().message.find("unknown task 'nope'"), std::string::npos);
}

TEST(TaskCatalog, NewTaskWithNewIdentifierNeedsOnlyAConfigFile) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "tasks");
  std::filesystem::create_directories(dir.path() / "suites");
  std::ofstream(dir.path() / "tasks" / "affect.json") << R"({
    "name": "affect", "version": 1, "loader": "vsr",
    "identifier": "[affect]", "instruction": "Which emotion does this image convey? {caption}",
    "metric": "vsr_accuracy", "dialect": "minigptv2"})";
  auto catalog = TaskCatalog::Load(dir.path());
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(TaskText(*catalog, "affect", "", {{"caption", "x"}}),
            "[affect] Which emotion does this image convey? x");
}

}  // namespace
}  // namespace vleval
