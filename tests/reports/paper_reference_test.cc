#include "reports/paper_reference.h"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kShipped = testing::SourceDir() / "configs" / "reference" / "minigptv2-paper.json";

TEST(PaperReference, ShippedCopyHoldsTheTablesOfThePaper) {
  auto paper = PaperReference::Load(kShipped);
  ASSERT_TRUE(paper.ok()) << paper.error().message;
  EXPECT_EQ(paper->Value("table2", kMiniGptV2Row, "okvqa"), 56.9);
  EXPECT_EQ(paper->Value("table2", "MiniGPT-v2 (7B)-chat", "vizwiz"), 53.6);
  EXPECT_EQ(paper->Value("table3", kMiniGptV2Row, "refcoco_val"), 88.69);
  EXPECT_EQ(paper->Value("table3", kMiniGptV2Row, "refcocog_test"), 84.66);
  EXPECT_EQ(paper->Value("table4", "MiniGPT-v2 (short)", "chair_i"), 4.4);
  EXPECT_EQ(paper->Value("table5", "w/o task identifier", "average"), 48.6);
  // A null in the paper is an absent cell.
  EXPECT_FALSE(paper->Value("table2", "Flamingo-9B", "gqa").has_value());
  EXPECT_FALSE(paper->Value("table9", kMiniGptV2Row, "okvqa").has_value());
}

TEST(PaperReference, MatchesTheSharedReferenceWhenPresent) {
  const auto shared = testing::SourceDir().parent_path() / "shared" / "reference" / "minigptv2_paper.json";
  VLEVAL_SKIP_UNLESS_EXISTS(shared);
  std::ifstream in(shared);
  const auto original = nlohmann::json::parse(in);
  auto paper = PaperReference::Load(kShipped);
  ASSERT_TRUE(paper.ok());
  for (const auto& [row, cells] : original["table2_vqa_top1"]["rows"].items()) {
    for (const auto& [column, value] : cells.items()) {
      if (!value.is_number()) continue;
      const double expected = value.get<double>();
      EXPECT_EQ(paper->Value("table2", row, column), expected) << row;
    }
  }
  const auto& t3 = original["table3_rec_acc_at_0.5"];
  for (const auto& [row, cells] : t3["rows"].items()) {
    for (std::size_t i = 0; i < t3["columns"].size(); ++i) {
      if (!cells["values"][i].is_number()) continue;
      const double expected = cells["values"][i].get<double>();
      EXPECT_EQ(paper->Value("table3", row, t3["columns"][i].get<std::string>()), expected) << row;
    }
  }
}

TEST(PaperReference, MalformedFileIsAnErrorNamingIt) {
  testing::TempDir dir;
  const auto path = dir.path() / "paper.json";
  std::ofstream(path) << R"({"source": "x", "tables": {"table2": {"title": "t"}}})";
  auto paper = PaperReference::Load(path);
  ASSERT_FALSE(paper.ok());
  EXPECT_NE(paper.error().message.find(path.string()), std::string::npos);
}

}  // namespace
}  // namespace vleval
