#include "benchmarks/chair_references.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/metrics/chair_test_tables.h"

namespace vleval::chair {
namespace {

void Write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST(ChairTables, ReadsTheRealTables) {
  VLEVAL_SKIP_UNLESS_EXISTS(ChairDataDir() / "synonyms.txt");
  auto resources =
      ReadChairResources(ChairDataDir() / "synonyms.txt", ChairDataDir() / "punkt_tab" / "english");
  ASSERT_TRUE(resources.ok()) << resources.error().message;
  EXPECT_EQ(resources->size(), 5u);
  EXPECT_EQ(resources->at("chair_synonyms").substr(0, 8), "person, ");
}

TEST(ChairTables, CheckListsEveryMissingTableWithItsSource) {
  testing::TempDir dir;
  EXPECT_EQ(ChairTableFiles(dir.path() / "s.txt", dir.path()).size(), 5u);
  auto status = CheckChairTables(dir.path() / "synonyms.txt", dir.path() / "punkt");
  ASSERT_FALSE(status.ok());
  for (const char* name : {"synonyms.txt", "abbrev_types.txt", "collocations.tab", "sent_starters.txt",
                           "ortho_context.tab", "LisaAnne/Hallucination", "nltk_data"}) {
    EXPECT_NE(status.message().find(name), std::string::npos) << name << " in " << status.message();
  }
  Write(dir.path() / "synonyms.txt", "dog, puppy\n");
  std::filesystem::create_directories(dir.path() / "punkt");
  for (const char* name : {"abbrev_types.txt", "collocations.tab", "sent_starters.txt", "ortho_context.tab"})
    Write(dir.path() / "punkt" / name, "");
  EXPECT_TRUE(CheckChairTables(dir.path() / "synonyms.txt", dir.path() / "punkt").ok());
}

TEST(ChairTables, MissingPunktFileIsNamed) {
  testing::TempDir dir;
  Write(dir.path() / "synonyms.txt", "dog, puppy\n");
  auto resources = ReadChairResources(dir.path() / "synonyms.txt", dir.path() / "punkt");
  ASSERT_FALSE(resources.ok());
  EXPECT_NE(resources.error().message.find("abbrev_types.txt"), std::string::npos);
}

TEST(ChairTables, CocoAnnotationsBecomePerImageReferences) {
  testing::TempDir dir;
  Write(dir.path() / "instances.json",
        R"({"categories":[{"id":18,"name":"dog"},{"id":67,"name":"dining table"}],
            "annotations":[{"image_id":1,"category_id":18},{"image_id":1,"category_id":67},
                           {"image_id":2,"category_id":18}]})");
  Write(dir.path() / "captions.json",
        R"({"annotations":[{"image_id":1,"caption":"A dog."},{"image_id":2,"caption":"Hi"},
                           {"image_id":1,"caption":"A table."}]})");
  auto refs = ReadCocoChairReferences({dir.path() / "instances.json"}, {dir.path() / "captions.json"}, {1});
  ASSERT_TRUE(refs.ok()) << refs.error().message;
  ASSERT_EQ(refs->size(), 1u);
  EXPECT_EQ(refs->at(1).objects, (std::vector<std::string>{"dog", "dining table"}));
  EXPECT_EQ(refs->at(1).captions, (std::vector<std::string>{"A dog.", "A table."}));
}

TEST(ChairTables, UnknownCategoryNamesFileAndAnnotation) {
  testing::TempDir dir;
  Write(dir.path() / "instances.json",
        R"({"categories":[{"id":18,"name":"dog"}],
            "annotations":[{"image_id":1,"category_id":18},{"image_id":1,"category_id":5}]})");
  auto refs = ReadCocoChairReferences({dir.path() / "instances.json"}, {});
  ASSERT_FALSE(refs.ok());
  EXPECT_EQ(refs.error().message, (dir.path() / "instances.json").string() +
                                      ": annotation 1: category_id missing or not in \"categories\"");
}

}  // namespace
}  // namespace vleval::chair
