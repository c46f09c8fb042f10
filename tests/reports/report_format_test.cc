// Golden tests: every format rendered from the fixed run folder
// tests/reports/fixtures/run_a must equal tests/reports/golden/run_a.<format>
// byte for byte. After an intended change, regenerate with
// VLEVAL_UPDATE_GOLDENS=1 and review the diff.
#include "reports/report_format.h"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kReports = testing::SourceDir() / "tests" / "reports";

ReportInput FixtureInput() {
  auto run = RunFolder::Open(kReports / "fixtures" / "run_a");
  auto paper = PaperReference::Load(testing::SourceDir() / "configs" / "reference" / "minigptv2-paper.json");
  EXPECT_TRUE(run.ok() && paper.ok());
  auto input = BuildReportInput(*run, *paper);
  EXPECT_TRUE(input.ok()) << input.error().message;
  return *input;
}

void ExpectGolden(const std::string& format) {
  auto entry = ReportFormats().Find(format);
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  const std::string rendered = (*entry)->render(FixtureInput());
  const auto golden = kReports / "golden" / ("run_a." + format);
  if (std::getenv("VLEVAL_UPDATE_GOLDENS") != nullptr) std::ofstream(golden, std::ios::binary) << rendered;
  auto expected = ReadTextFile(golden);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  EXPECT_TRUE(rendered == *expected) << "differs from " << golden << "; first 2000 bytes:\n"
                                     << rendered.substr(0, 2000);
}

TEST(ReportFormats, MarkdownMatchesItsGolden) { ExpectGolden("md"); }
TEST(ReportFormats, CsvMatchesItsGolden) { ExpectGolden("csv"); }
TEST(ReportFormats, LatexMatchesItsGolden) { ExpectGolden("tex"); }
TEST(ReportFormats, HtmlMatchesItsGolden) { ExpectGolden("html"); }

TEST(ReportFormats, RenderingTwiceGivesTheSameBytes) {
  const auto input = FixtureInput();
  for (const auto& name : ReportFormats().Names()) {
    const auto& format = **ReportFormats().Find(name);
    EXPECT_EQ(format.render(input), format.render(input)) << name;
  }
}

TEST(ReportFormats, UnknownFormatSuggestsTheClosest) {
  EXPECT_EQ(ReportFormats().Names(), (std::vector<std::string>{"csv", "html", "md", "tex"}));
  auto missing = ReportFormats().Find("htm");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("html"), std::string::npos) << missing.error().message;
}

TEST(ReportFormats, MarkdownCellShowsRunPaperAndDifference) {
  const std::string md = RenderMarkdown(FixtureInput());
  EXPECT_NE(md.find("| MiniGPT-v2 (7B) | 51.83 (56.9, -5.07) |"), std::string::npos);
  EXPECT_NE(md.find("| delta (w - w/o) | 5.50 (1.6, +3.90) p=0.437 |"), std::string::npos) << md;
}

TEST(ReportFormats, CsvHasOneRowPerCellWithExactDifferences) {
  const std::string csv = RenderCsv(FixtureInput());
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "section,row,column,run,paper,difference,p_value");
  EXPECT_NE(csv.find("\ntable2,MiniGPT-v2 (7B),okvqa,51.83,56.9,-5.07,\n"), std::string::npos);
  EXPECT_NE(csv.find("\ntable3,MiniGPT-v2 (7B),refcoco+_val,80.31,79.97,0.34,\n"), std::string::npos);
  EXPECT_NE(csv.find("\nbreakdown:answer_type,vizwiz,unanswerable,45.41,,,\n"), std::string::npos);
}

TEST(ReportFormats, LatexUsesBooktabsAndGroupsTable3Columns) {
  const std::string tex = RenderLatex(FixtureInput());
  EXPECT_NE(tex.find("\\toprule"), std::string::npos);
  EXPECT_NE(
      tex.find(
          " & \\multicolumn{3}{c}{RefCOCO} & \\multicolumn{3}{c}{RefCOCO+} & "
          "\\multicolumn{2}{c}{RefCOCOg} & \\\\\n\\cmidrule(lr){2-4}\\cmidrule(lr){5-7}\\cmidrule(lr){8-9}"),
      std::string::npos);
  EXPECT_NE(tex.find(" & CHAIR\\_I"), std::string::npos);
  EXPECT_NE(tex.find("51.83 {\\scriptsize(56.9, $-$5.07)}"), std::string::npos);
}

TEST(ReportFormats, HtmlIsSelfContained) {
  const std::string html = RenderHtml(FixtureInput());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  // Model output is escaped, never markup.
  EXPECT_NE(html.find("{&lt;"), std::string::npos);
  EXPECT_EQ(html.find("{<"), std::string::npos);
}

}  // namespace
}  // namespace vleval
