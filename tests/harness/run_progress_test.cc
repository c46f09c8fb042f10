// Progress display: plain lines for batch jobs, a redrawn bar on a terminal,
// nothing when quiet; warnings in every style.
#include "harness/run/run_progress.h"

#include <sstream>

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(RunProgress, PlainLinesAtStartAndEndOfEachEntry) {
  std::ostringstream out;
  RunProgress progress(out, ProgressStyle::kPlainLines, std::chrono::seconds(3600));
  progress.StartEntry("okvqa", 10, 4);
  progress.Advance(3);  // within the interval: no line
  progress.Advance(3);
  progress.FinishEntry();
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("vleval run: okvqa  4/10  0.0 samples/s", 0), 0u) << text;
  EXPECT_NE(text.find("\nvleval run: okvqa  10/10  "), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

TEST(RunProgress, LiveBarRedrawsOneLineAndEndsItAtTheEntryEnd) {
  std::ostringstream out;
  RunProgress progress(out, ProgressStyle::kLiveBar);
  progress.StartEntry("vsr", 4, 0);
  progress.Advance(2);
  progress.Advance(2);
  progress.FinishEntry();
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("\r[........................] vsr  0/4", 0), 0u) << text;
  EXPECT_NE(text.find("\r[########################] vsr  4/4"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
}

TEST(RunProgress, QuietPrintsNothing) {
  std::ostringstream out;
  RunProgress progress(out, ProgressStyle::kQuiet);
  progress.StartEntry("hm", 2, 0);
  progress.Advance(2);
  progress.FinishEntry();
  EXPECT_TRUE(out.str().empty());
}

TEST(RunProgress, WarningsShowInEveryStyleOnALineOfTheirOwn) {
  std::ostringstream quiet_out;
  RunProgress quiet(quiet_out, ProgressStyle::kQuiet);
  quiet.StartEntry("hm", 2, 0);
  quiet.Warn("hm: sample 1: a.png: the image file is truncated");
  EXPECT_EQ(quiet_out.str(), "vleval run: warning: hm: sample 1: a.png: the image file is truncated\n");

  std::ostringstream live_out;
  RunProgress live(live_out, ProgressStyle::kLiveBar);
  live.StartEntry("vsr", 4, 0);
  live.Warn("w");
  const std::string text = live_out.str();
  // The bar is cleared, the warning printed, then the bar drawn again.
  const auto warning = text.find("\r\033[Kvleval run: warning: w\n\r[........................] vsr  0/4");
  EXPECT_NE(warning, std::string::npos) << text;
}

}  // namespace
}  // namespace vleval
