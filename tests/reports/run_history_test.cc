#include "reports/run_history.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

const auto kFixtures = testing::SourceDir() / "tests" / "reports" / "fixtures";

RunFolder Open(const std::filesystem::path& dir) {
  auto run = RunFolder::Open(dir);
  EXPECT_TRUE(run.ok()) << (run.ok() ? "" : run.error().message);
  return *run;
}

// A run folder at `dir` holding run_a's results and okvqa per-sample outcomes.
void CopyRun(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir / "per_sample");
  std::filesystem::copy_file(kFixtures / "run_a" / "results.json", dir / "results.json");
  std::filesystem::copy_file(kFixtures / "run_a" / "per_sample" / "okvqa.jsonl",
                             dir / "per_sample" / "okvqa.jsonl");
}

TEST(RunHistory, RecordsRunsOnceAndShowsTheTrendOfATask) {
  testing::TempDir dir;
  auto history = RunHistory::Open(dir.path() / "nested" / "history.sqlite");
  ASSERT_TRUE(history.ok()) << history.error().message;
  auto first = history->Record(Open(kFixtures / "run_a"), "2026-01-01T00:00:00Z");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->already_recorded);
  auto again = history->Record(Open(kFixtures / "run_a"), "2026-01-02T00:00:00Z");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_recorded);
  EXPECT_EQ(again->run_id, first->run_id);
  ASSERT_TRUE(history->Record(Open(kFixtures / "run_regressed"), "2026-01-03T00:00:00Z").ok());
  EXPECT_EQ(*history->RunCount(), 2);

  // Entry okvqa and entry okvqa@none both belong to task okvqa.
  auto trend = history->Trend("okvqa");
  ASSERT_TRUE(trend.ok()) << trend.error().message;
  ASSERT_EQ(trend->size(), 2u);
  EXPECT_EQ((*trend)[0].entry, "okvqa");
  EXPECT_EQ((*trend)[0].points.size(), 2u);
  EXPECT_EQ((*trend)[1].entry, "okvqa@none");
}

TEST(RunHistory, TaskFilterMatchesTaskNameAndEntryName) {
  testing::TempDir dir;
  auto history = RunHistory::Open(dir.path() / "h.sqlite");
  ASSERT_TRUE(history.ok());
  ASSERT_TRUE(history->Record(Open(kFixtures / "run_a"), "2026-01-01T00:00:00Z").ok());
  ASSERT_TRUE(history->Record(Open(kFixtures / "run_regressed"), "2026-01-03T00:00:00Z").ok());
  auto by_task = history->Trend("gqa");
  ASSERT_TRUE(by_task.ok());
  ASSERT_EQ(by_task->size(), 2u);
  EXPECT_EQ((*by_task)[0].entry, "gqa");
  EXPECT_EQ((*by_task)[1].entry, "gqa@none");
  auto by_entry = history->Trend("chair:short");
  ASSERT_TRUE(by_entry.ok());
  ASSERT_EQ(by_entry->size(), 1u);
  EXPECT_EQ((*by_entry)[0].metric, "chair_i");
  EXPECT_TRUE((*by_entry)[0].lower_is_better);
  auto all = history->Trend();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 23u);
  auto okvqa = history->Trend("okvqa");
  ASSERT_TRUE(okvqa.ok());
  okvqa->resize(1);
  const auto& points = (*okvqa)[0].points;
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].value, 51.83);
  EXPECT_EQ(points[1].value, 40.83);
  EXPECT_EQ(points[1].recorded_at, "2026-01-03T00:00:00Z");
  const std::string text = FormatTrend(*okvqa);
  EXPECT_EQ(text.substr(0, text.find('\n')), "okvqa (accuracy, higher is better)");
  EXPECT_NE(text.find("  run 2   2026-01-03T00:00:00Z  40.83   -11.00  "), std::string::npos) << text;
}

TEST(RunHistory, ConcurrentWritersLoseNothingAndRecordASharedRunOnce) {
  testing::TempDir dir;
  constexpr int kWriters = 6, kRunsEach = 3;
  for (int i = 0; i < kWriters * kRunsEach; ++i) CopyRun(dir.path() / ("run" + std::to_string(i)));
  CopyRun(dir.path() / "shared");
  const auto db = dir.path() / "history.sqlite";
  std::vector<pid_t> children;
  for (int w = 0; w < kWriters; ++w) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      // Each process opens its own connection, as shards do.
      auto history = RunHistory::Open(db);
      if (!history.ok()) _exit(10);
      for (int r = 0; r < kRunsEach; ++r) {
        auto run = RunFolder::Open(dir.path() / ("run" + std::to_string(w * kRunsEach + r)));
        if (!run.ok() || !history->Record(*run, "2026-01-01T00:00:00Z").ok()) _exit(11);
      }
      auto shared = RunFolder::Open(dir.path() / "shared");
      if (!shared.ok() || !history->Record(*shared, "2026-01-01T00:00:00Z").ok()) _exit(12);
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer exit " << WEXITSTATUS(status);
  }
  auto history = RunHistory::Open(db);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(*history->RunCount(), kWriters * kRunsEach + 1);
  auto trend = history->Trend("okvqa");
  ASSERT_TRUE(trend.ok());
  ASSERT_EQ(trend->size(), 2u);
  EXPECT_EQ((*trend)[0].points.size(), static_cast<std::size_t>(kWriters * kRunsEach + 1));
  auto check = testing::RunCommand("sqlite3 -version");
  if (check.exit_code == 0) {
    auto integrity = testing::RunCommand("sqlite3 " + db.string() +
                                         " 'PRAGMA integrity_check; SELECT COUNT(*) FROM sample_outcomes;'");
    EXPECT_EQ(integrity.out, "ok\n" + std::to_string((kWriters * kRunsEach + 1) * 200) + "\n");
  }
}

TEST(RunHistory, DefaultPathFollowsXdgDataHome) {
  const char* saved = std::getenv("XDG_DATA_HOME");
  const std::string restore = saved != nullptr ? saved : "";
  setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
  EXPECT_EQ(DefaultHistoryPath(), std::filesystem::path("/tmp/xdg-data/vleval/history.sqlite"));
  setenv("XDG_DATA_HOME", "", 1);  // empty counts as unset
  ASSERT_NE(getenv("HOME"), nullptr);
  EXPECT_EQ(DefaultHistoryPath(),
            std::filesystem::path(getenv("HOME")) / ".local/share/vleval/history.sqlite");
  if (saved != nullptr)
    setenv("XDG_DATA_HOME", restore.c_str(), 1);
  else
    unsetenv("XDG_DATA_HOME");
}

TEST(RunHistory, AnUnwritableLocationIsAnErrorNamingIt) {
  auto history = RunHistory::Open("/proc/vleval/history.sqlite");
  ASSERT_FALSE(history.ok());
  EXPECT_NE(history.error().message.find("/proc/vleval/history.sqlite"), std::string::npos);
}

}  // namespace
}  // namespace vleval
