#include "reports/report_input.h"

#include <gtest/gtest.h>

#include "reports/run_comparison.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kRunA = testing::SourceDir() / "tests" / "reports" / "fixtures" / "run_a";
const auto kPaper = testing::SourceDir() / "configs" / "reference" / "minigptv2-paper.json";

TEST(ReportInput, ListsWrongAnswersWithPromptOutputAndReference) {
  auto run = RunFolder::Open(kRunA);
  auto paper = PaperReference::Load(kPaper);
  ASSERT_TRUE(run.ok() && paper.ok());
  auto input = BuildReportInput(*run, *paper, 5);
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->run_label, "run_a");
  EXPECT_EQ(input->tables.size(), 4u);
  ASSERT_EQ(input->samples.size(), 5u);  // the entries with per-sample files
  const EntrySamples& refcoco = input->samples[4];
  EXPECT_EQ(refcoco.entry, "refcoco_val");
  EXPECT_EQ(refcoco.total, 100);
  EXPECT_EQ(refcoco.wrong, 15);  // acc@0.5 = 85.0
  ASSERT_EQ(refcoco.shown.size(), 5u);
  const WrongAnswer& first = refcoco.shown[0];
  EXPECT_EQ(first.score, 0.0);
  EXPECT_NE(first.prompt.find("[refer] give me the location of"), std::string::npos);
  EXPECT_EQ(first.output.front(), '{');
  EXPECT_EQ(first.reference.front(), '{');
  EXPECT_NE(first.output, first.reference);
}

TEST(ReportInput, AblationSignificancePairsEachTaskWithItsNoneEntry) {
  auto run = RunFolder::Open(kRunA);
  ASSERT_TRUE(run.ok());
  auto p = AblationSignificance(*run);
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->size(), 2u);  // okvqa and gqa have per-sample files for both
  // Count the discordant pairs directly from the files.
  auto with = run->PerSample("okvqa");
  auto without = run->PerSample("okvqa@none");
  ASSERT_TRUE(with.ok() && without.ok());
  long worse = 0, better = 0;
  for (std::size_t i = 0; i < (*with)->size(); ++i) {
    ASSERT_EQ((**with)[i].id, (**without)[i].id);
    worse += (**with)[i].score < (**without)[i].score;
    better += (**with)[i].score > (**without)[i].score;
  }
  EXPECT_EQ(p->at("okvqa"), McNemarPValueOfChanges(worse, better));
  EXPECT_GT(worse + better, 50);
}

const auto kRunRegressed = testing::SourceDir() / "tests" / "reports" / "fixtures" / "run_regressed";

TEST(ReportInput, Table5FromTwoRunsPairsEachTaskAcrossTheRuns) {
  auto with = RunFolder::Open(kRunA);
  auto without = RunFolder::Open(kRunRegressed);
  auto paper = PaperReference::Load(kPaper);
  ASSERT_TRUE(with.ok() && without.ok() && paper.ok());
  auto input = BuildTable5Input(*with, *without, *paper);
  ASSERT_TRUE(input.ok()) << input.error().message;
  ASSERT_EQ(input->tables.size(), 1u);
  const ReportTable& table = input->tables[0];
  EXPECT_EQ(table.id, "table5");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].label, "w/o task identifier");
  const std::size_t okvqa = 0;
  ASSERT_EQ(table.columns[okvqa], "okvqa");
  // w/o = the second run's `okvqa` entry (not an @none entry), w = the first run's.
  EXPECT_EQ(table.rows[0].cells[okvqa].run, without->results().Find("okvqa")->metrics.at("accuracy"));
  EXPECT_EQ(table.rows[1].cells[okvqa].run, with->results().Find("okvqa")->metrics.at("accuracy"));
  EXPECT_EQ(table.rows[0].cells[okvqa].paper, 50.5);
  EXPECT_EQ(table.rows[1].cells[okvqa].paper, 52.1);
  // The delta row carries CompareRuns(without, with)'s McNemar p and bootstrap interval.
  auto comparison = CompareRuns(*without, *with);
  ASSERT_TRUE(comparison.ok());
  const EntryComparison* compared = nullptr;
  for (const auto& entry : comparison->entries) compared = entry.entry == "okvqa" ? &entry : compared;
  ASSERT_TRUE(compared != nullptr && compared->paired);
  const TableCell& delta = table.rows[2].cells[okvqa];
  EXPECT_EQ(delta.p_value, compared->paired->p_value);
  EXPECT_EQ(delta.ci_low, compared->paired->ci.low);
  EXPECT_EQ(delta.ci_high, compared->paired->ci.high);
  EXPECT_LT(*delta.ci_low, *delta.ci_high);
  EXPECT_DOUBLE_EQ(*delta.run, *table.rows[1].cells[okvqa].run - *table.rows[0].cells[okvqa].run);
  // Tasks without per-sample files have values but no statistics.
  const std::size_t vizwiz = 2;
  ASSERT_EQ(table.columns[vizwiz], "vizwiz");
  EXPECT_TRUE(table.rows[2].cells[vizwiz].run.has_value());
  EXPECT_FALSE(table.rows[2].cells[vizwiz].p_value.has_value());
  // Both runs' entries are listed, marked.
  EXPECT_EQ(input->results.entries.count("okvqa (w)"), 1u);
  EXPECT_EQ(input->results.entries.count("okvqa (w/o)"), 1u);
  EXPECT_EQ(input->run_label, "run_a (w) vs run_regressed (w/o)");
}

TEST(ReportInput, OneRunTable5IsNamedTheInferenceTimeAblation) {
  auto run = RunFolder::Open(kRunA);
  auto paper = PaperReference::Load(kPaper);
  ASSERT_TRUE(run.ok() && paper.ok());
  auto input = BuildReportInput(*run, *paper);
  ASSERT_TRUE(input.ok());
  const ReportTable& table = input->tables.back();
  ASSERT_EQ(table.id, "table5");
  EXPECT_NE(table.notes.back().find("Inference-time ablation"), std::string::npos);
  EXPECT_FALSE(table.rows[2].cells[0].ci_low.has_value());
}

}  // namespace
}  // namespace vleval
