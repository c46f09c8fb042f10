#include "reports/html_charts.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(HtmlCharts, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape("{<1><2>} & \"a\" 'b'"), "{&lt;1&gt;&lt;2&gt;} &amp; &quot;a&quot; &#39;b&#39;");
}

TEST(HtmlCharts, BarChartDrawsOneBarPerPresentValue) {
  BarChart chart{
      "t", {{"run", "#111"}, {"paper", "#222"}}, {{"A", {50.0, 60.0}}, {"B", {25.0, std::nullopt}}}};
  const std::string svg = BarChartSvg(chart);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(Count(svg, "<rect"), 2u /* legend */ + 3u);
  // Axis 0..100 over 160 px: 50 -> height 80.0, 25 -> 40.0.
  EXPECT_NE(svg.find("height=\"80.0\" fill=\"#111\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("height=\"40.0\" fill=\"#111\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"96.0\" fill=\"#222\""), std::string::npos);
}

TEST(HtmlCharts, AxisGrowsBeyondOneHundredForLargerValues) {
  BarChart chart{"len", {{"run", "#111"}}, {{"Len", {200.0}}}};
  // Axis max 220: bar height 160 * 200 / 220.
  EXPECT_NE(BarChartSvg(chart).find("height=\"145.5\""), std::string::npos);
}

TEST(HtmlCharts, TrendChartMarksEveryRun) {
  EntryTrend trend{
      "okvqa", "accuracy", false, {{1, "t1", "a", 51.83}, {2, "t2", "b", 40.83}, {3, "t3", "c", 49.83}}};
  const std::string svg = TrendChartSvg(trend);
  EXPECT_EQ(Count(svg, "<circle"), 3u);
  EXPECT_NE(svg.find(">run 3<"), std::string::npos);
  EXPECT_NE(svg.find(">40.83<"), std::string::npos);
}

}  // namespace
}  // namespace vleval
