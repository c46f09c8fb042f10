#include "reports/paper_tables.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kRunA = testing::SourceDir() / "tests" / "reports" / "fixtures" / "run_a";
const auto kPaper = testing::SourceDir() / "configs" / "reference" / "minigptv2-paper.json";

struct Loaded {
  RunResults run;
  PaperReference paper;
};

Loaded Load() {
  auto run = LoadRunResults(kRunA / "results.json");
  auto paper = PaperReference::Load(kPaper);
  EXPECT_TRUE(run.ok() && paper.ok());
  return {*run, *paper};
}

TEST(PaperTables, BuildsTheFourTablesInPaperOrder) {
  auto [run, paper] = Load();
  const auto tables = BuildPaperTables(run, paper, {});
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(tables[0].id, "table2");
  EXPECT_EQ(tables[3].id, "table5");
  EXPECT_EQ(tables[0].FullColumnLabel(3), "IconVQA");
  EXPECT_EQ(tables[1].FullColumnLabel(4), "RefCOCO+ testA");
  EXPECT_EQ(tables[1].FullColumnLabel(8), "Avg");
}

TEST(PaperTables, Table2CellHoldsRunPaperAndDifference) {
  auto [run, paper] = Load();
  const auto table = BuildPaperTables(run, paper, {})[0];
  ASSERT_EQ(table.rows.size(), 1u);
  const TableCell& okvqa = table.rows[0].cells[0];
  EXPECT_EQ(okvqa.run, 51.83);
  EXPECT_EQ(okvqa.paper, 56.9);
  EXPECT_DOUBLE_EQ(*okvqa.Difference(), 51.83 - 56.9);
}

TEST(PaperTables, Table3AverageIsTheMeanOfTheEightSplits) {
  auto [run, paper] = Load();
  const auto table = BuildPaperTables(run, paper, {})[1];
  const TableCell& avg = table.rows[0].cells[8];
  const double expected = (85.0 + 91.2 + 84.95 + 80.31 + 84.7 + 73.9 + 84.02 + 85.1) / 8;
  EXPECT_DOUBLE_EQ(*avg.run, expected);
  EXPECT_EQ(avg.paper, 84.29);
}

TEST(PaperTables, Table3AverageIsMissingWhenASplitWasNotRun) {
  auto [run, paper] = Load();
  run.entries.erase("refcocog_test");
  const auto table = BuildPaperTables(run, paper, {})[1];
  EXPECT_FALSE(table.rows[0].cells[7].run.has_value());
  EXPECT_EQ(table.rows[0].cells[7].paper, 84.66);
  EXPECT_FALSE(table.rows[0].cells[8].run.has_value());
}

TEST(PaperTables, Table4HasOneRowPerChairPrompt) {
  auto [run, paper] = Load();
  const auto table = BuildPaperTables(run, paper, {})[2];
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2].label, "MiniGPT-v2 (short)");
  EXPECT_EQ(table.rows[2].cells[0].run, 4.6);
  EXPECT_EQ(table.rows[2].cells[0].paper, 4.4);
  EXPECT_TRUE(table.lower_is_better[0]);
  EXPECT_FALSE(table.lower_is_better[2]);
}

TEST(PaperTables, Table5DeltaRowCarriesRunAndPaperDeltasAndSignificance) {
  auto [run, paper] = Load();
  const auto table = BuildPaperTables(run, paper, {{"okvqa", 0.01}})[3];
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].label, "w/o task identifier");
  EXPECT_EQ(table.rows[0].cells[0].run, 46.33);
  EXPECT_EQ(table.rows[1].cells[0].run, 51.83);
  const TableCell& delta = table.rows[2].cells[0];
  EXPECT_DOUBLE_EQ(*delta.run, 51.83 - 46.33);
  EXPECT_EQ(*delta.paper, 1.6);  // 52.1 - 50.5 without the binary noise
  EXPECT_EQ(delta.p_value, 0.01);
  EXPECT_FALSE(table.rows[2].cells[1].p_value.has_value());
  const double mean_without = (46.33 + table.rows[0].cells[1].run.value() + 29.05 + 58.3 + 45.1 + 56.6) / 6;
  EXPECT_DOUBLE_EQ(*table.rows[0].cells[6].run, mean_without);
}

TEST(PaperTables, TablesWithoutRunValuesAreLeftOut) {
  auto [run, paper] = Load();
  for (auto it = run.entries.begin(); it != run.entries.end();) {
    it = it->first.find("@none") != std::string::npos || it->first.rfind("ref", 0) == 0
             ? run.entries.erase(it)
             : std::next(it);
  }
  const auto tables = BuildPaperTables(run, paper, {});
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].id, "table2");
  EXPECT_EQ(tables[1].id, "table4");
}

}  // namespace
}  // namespace vleval
