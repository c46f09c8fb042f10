// Inline SVG charts for the HTML report: grouped bar charts (run vs paper, a
// breakdown, REC accuracy by IoU threshold) and a line chart of a history
// trend. Output is self-contained markup with no scripts or external
// references, and deterministic (fixed decimals for every coordinate).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/run_history.h"

namespace vleval {

struct BarSeries {
  std::string name;   // legend text, e.g. "run"
  std::string color;  // CSS colour, e.g. "#4e79a7"
};

struct BarGroup {
  std::string label;                          // under the group
  std::vector<std::optional<double>> values;  // one per series; absent = no bar
};

struct BarChart {
  std::string title;
  std::vector<BarSeries> series;
  std::vector<BarGroup> groups;
};

// The chart as an <svg> element. The value axis starts at 0 and ends at 100
// when every value fits, else at the largest value plus 10%.
std::string BarChartSvg(const BarChart& chart);

// The entry's headline value per recorded run as an <svg> line chart.
std::string TrendChartSvg(const EntryTrend& trend);

// `text` with &, <, >, " and ' escaped for HTML text and attributes.
std::string HtmlEscape(const std::string& text);

}  // namespace vleval
