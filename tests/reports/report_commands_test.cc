// `vleval report`, `vleval compare` and `vleval history` as a user (or a CI
// job) runs them: output files, exit codes, concurrent recorders.
#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kReports = testing::SourceDir() / "tests" / "reports";
const std::string kFixtures = (kReports / "fixtures").string();

testing::CommandResult Vleval(const std::string& args) {
  return testing::RunCommand(std::string(VLEVAL_BINARY) + " " + args);
}

TEST(ReportCommand, WritesEveryFormatEqualToItsGolden) {
  testing::TempDir dir;
  for (const char* format : {"md", "csv", "tex", "html"}) {
    const auto out = dir.path() / (std::string("report.") + format);
    const auto result =
        Vleval("report " + kFixtures + "/run_a --format " + format + " --out " + out.string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(*ReadTextFile(out), *ReadTextFile(kReports / "golden" / (std::string("run_a.") + format)))
        << format;
  }
}

TEST(ReportCommand, MarkdownGoesToStdoutByDefault) {
  const auto result = Vleval("report " + kFixtures + "/run_a");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, *ReadTextFile(kReports / "golden" / "run_a.md"));
}

TEST(ReportCommand, UnknownFormatIsAUsageError) {
  const auto result = Vleval("report " + kFixtures + "/run_a --format htm");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("did you mean 'html'?"), std::string::npos) << result.err;
}

TEST(ReportCommand, AMissingRunIsAFailureNamingTheFile) {
  const auto result = Vleval("report /nonexistent/run");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/nonexistent/run/results.json"), std::string::npos) << result.err;
}

TEST(ReportCommand, Table5FromTwoRunsLaysOutBothCheckpointsWithStatistics) {
  const auto result = Vleval("report --table5 " + kFixtures + "/run_a " + kFixtures + "/run_regressed");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("# vleval report: run_a (w) vs run_regressed (w/o)"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("| w/o task identifier |"), std::string::npos);
  EXPECT_NE(result.out.find("| delta (w - w/o) |"), std::string::npos);
  EXPECT_NE(result.out.find(" CI ["), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Two checkpoints, each evaluated with its own prompts"), std::string::npos);
  EXPECT_NE(result.out.find("| okvqa (w/o) |"), std::string::npos);
  testing::TempDir dir;
  const auto html = dir.path() / "table5.html";
  ASSERT_EQ(Vleval("report --table5 " + kFixtures + "/run_a " + kFixtures +
                   "/run_regressed --format html --out " + html.string())
                .exit_code,
            0);
  EXPECT_NE(ReadTextFile(html)->find("95% CI ["), std::string::npos);
}

TEST(ReportCommand, Table5TakesExactlyTwoRunsAndNoPositionalRun) {
  EXPECT_EQ(Vleval("report --table5 " + kFixtures + "/run_a").exit_code, 2);
  EXPECT_EQ(Vleval("report " + kFixtures + "/run_a --table5 " + kFixtures + "/run_a " + kFixtures + "/run_a")
                .exit_code,
            2);
  EXPECT_EQ(Vleval("report").exit_code, 2);
  const auto missing = Vleval("report --table5 " + kFixtures + "/run_a /nonexistent/run");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/run/results.json"), std::string::npos) << missing.err;
}

TEST(CompareCommand, GateFailsARealRegression) {
  const auto result = Vleval("compare " + kFixtures + "/run_a " + kFixtures +
                             "/run_regressed --gate --max-drop 1 --alpha 0.05");
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("FAIL okvqa: accuracy 51.83 -> 40.83"), std::string::npos) << result.out;
}

TEST(CompareCommand, GatePassesNoiseWithinTheConfidenceInterval) {
  const auto result =
      Vleval("compare " + kFixtures + "/run_a " + kFixtures + "/run_noise --gate --max-drop 1 --alpha 0.05");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("(within noise)"), std::string::npos);
  EXPECT_NE(result.out.find("gate: passed"), std::string::npos);
}

TEST(CompareCommand, GatePassesIdenticalRuns) {
  const auto result = Vleval("compare " + kFixtures + "/run_a " + kFixtures + "/run_a --gate --max-drop 0");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST(CompareCommand, WithoutGateADropStillExitsZero) {
  const auto result = Vleval("compare " + kFixtures + "/run_a " + kFixtures + "/run_regressed");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.find("gate:"), std::string::npos);
}

TEST(CompareCommand, MissingSecondRunIsAUsageError) {
  EXPECT_EQ(Vleval("compare " + kFixtures + "/run_a").exit_code, 2);
  EXPECT_EQ(Vleval("compare " + kFixtures + "/run_a " + kFixtures + "/run_a --alpha 0").exit_code, 2);
}

TEST(HistoryCommand, RecordsRunsAndShowsTheTrendOfATask) {
  testing::TempDir dir;
  const std::string db = (dir.path() / "h.sqlite").string();
  EXPECT_EQ(Vleval("history --db " + db).exit_code, 1);  // nothing recorded yet
  auto result = Vleval("history --db " + db + " --record " + kFixtures + "/run_a --record " + kFixtures +
                       "/run_regressed --task okvqa");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')), "okvqa (accuracy, higher is better)");
  EXPECT_NE(result.out.find("  40.83   -11.00  "), std::string::npos) << result.out;
  result = Vleval("report " + kFixtures + "/run_noise --record --db " + db + " --format html");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("<section id=\"history\">"), std::string::npos);
  EXPECT_NE(result.err.find("recorded as run 3"), std::string::npos) << result.err;
}

TEST(HistoryCommand, SeveralRecordersAtOnceLoseNothing) {
  testing::TempDir dir;
  const std::string db = (dir.path() / "h.sqlite").string();
  std::string script;
  for (int i = 0; i < 8; ++i) {
    const auto run = dir.path() / ("run" + std::to_string(i));
    std::filesystem::create_directories(run);
    std::filesystem::copy(kReports / "fixtures" / "run_a", run, std::filesystem::copy_options::recursive);
    script += std::string(VLEVAL_BINARY) + " history --db " + db + " --record " + run.string() +
              " >/dev/null 2>&1 & pids=\"$pids $!\"; ";
  }
  const auto result = testing::RunCommand("fail=0; pids=; " + script +
                                          "for p in $pids; do wait $p || fail=1; done; exit $fail");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto trend = Vleval("history --db " + db + " --task refcoco_val");
  ASSERT_EQ(trend.exit_code, 0) << trend.err;
  EXPECT_NE(trend.out.find("  run 8 "), std::string::npos) << trend.out;
  EXPECT_EQ(trend.out.find("  run 9 "), std::string::npos);
}

}  // namespace
}  // namespace vleval
