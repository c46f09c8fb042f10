// Loader building blocks: ids from text, COCO names and image candidates,
// JSON Lines with line numbers, typed record reads.
#include "benchmarks/loaders/loader_support.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(LoaderSupport, IdsAreIntegersOnlyWhenPlainDigits) {
  EXPECT_EQ(IdFromText("2239"), 2239);
  EXPECT_EQ(IdFromText("0"), 0);
  EXPECT_EQ(IdFromText("01268"), "01268");
  EXPECT_EQ(IdFromText("n161313"), "n161313");
  EXPECT_EQ(IdFromText("1234567890123456789"), "1234567890123456789");
}

TEST(LoaderSupport, CocoNamesOfBothEras) {
  EXPECT_EQ(Coco2014Name("train2014", 580957), "COCO_train2014_000000580957.jpg");
  EXPECT_EQ(Coco2017Name(17697), "000000017697.jpg");
  EXPECT_EQ(CocoIdFromName("COCO_val2014_000000002239.jpg"), 2239);
  EXPECT_EQ(CocoIdFromName("000000002239.jpg"), 2239);
  EXPECT_EQ(CocoIdFromName("VizWiz_val_00000000.jpg"), std::nullopt);
  EXPECT_EQ(CocoIdFromName("000000002239.png"), std::nullopt);
}

TEST(LoaderSupport, CocoCandidatesFollowTheFolderEraUnlessConfigured) {
  const std::vector<std::filesystem::path> dirs = {"r/coco/val2014", "r/coco/val2017"};
  EXPECT_EQ(CocoCandidates(dirs, false, "val2014", 7),
            (std::vector<std::filesystem::path>{"r/coco/val2014/COCO_val2014_000000000007.jpg",
                                                "r/coco/val2017/000000000007.jpg"}));
  EXPECT_EQ(
      CocoCandidates({"flat"}, true, "val2014", 7),
      (std::vector<std::filesystem::path>{"flat/COCO_val2014_000000000007.jpg", "flat/000000000007.jpg"}));
}

TEST(LoaderSupport, JsonLinesSkipBlankLinesAndKeepLineNumbers) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "a.jsonl") << "{\"a\": 1}\n\n  \n{\"a\": 2}\n";
  auto lines = ReadJsonLines(dir.path() / "a.jsonl");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].line, 4u);
  EXPECT_EQ((*lines)[1].value["a"], 2);
}

TEST(LoaderSupport, RecordReaderKeepsTheFirstFailure) {
  const nlohmann::json record = {{"id", 5}, {"name", 3}};
  RecordReader reader(record, "f.json: [0]");
  EXPECT_EQ(reader.IdText("id"), "5");
  EXPECT_EQ(reader.String("name"), "");
  EXPECT_EQ(reader.Int("missing"), 0);
  EXPECT_EQ(reader.Finish().message(), "f.json: [0]: 'name' must be a string, got 3");
  RecordReader not_object(nlohmann::json::array(), "f.json: [1]");
  EXPECT_EQ(not_object.Finish().message(), "f.json: [1]: expected a JSON object, got array");
}

}  // namespace
}  // namespace vleval
