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

}  // namespace
}  // namespace vleval
