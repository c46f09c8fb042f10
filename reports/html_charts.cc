#include "reports/html_charts.h"

#include <algorithm>
#include <sstream>

#include "reports/number_format.h"

namespace vleval {
namespace {

constexpr double kTop = 40, kPlotHeight = 160, kBottom = 36, kLeft = 44, kBarWidth = 24;

double AxisMax(const BarChart& chart) {
  double largest = 0;
  for (const auto& group : chart.groups) {
    for (const auto& value : group.values) {
      if (value) largest = std::max(largest, *value);
    }
  }
  return largest <= 100 ? 100 : largest * 1.1;
}

std::string Number(double value) { return Fixed(value, 1); }

void Legend(std::ostream& out, const std::vector<BarSeries>& series) {
  double x = kLeft;
  for (const auto& s : series) {
    out << "<rect x=\"" << Number(x) << "\" y=\"22\" width=\"10\" height=\"10\" fill=\"" << s.color << "\"/>"
        << "<text x=\"" << Number(x + 14) << "\" y=\"31\" font-size=\"11\">" << HtmlEscape(s.name)
        << "</text>";
    x += 24 + 7.0 * static_cast<double>(s.name.size());
  }
}

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BarChartSvg(const BarChart& chart) {
  const double axis_max = AxisMax(chart);
  std::vector<double> widths;
  double width = kLeft + 10;
  for (const auto& group : chart.groups) {
    const double bars = kBarWidth * static_cast<double>(chart.series.size()) + 14;
    widths.push_back(std::max(bars, 6.5 * static_cast<double>(group.label.size()) + 8));
    width += widths.back();
  }
  // Wide enough for the title (bold 12 px: about 7 px a character).
  width = std::max({width, 260.0, kLeft + 7.0 * static_cast<double>(chart.title.size())});
  const double height = kTop + kPlotHeight + kBottom;
  const double base = kTop + kPlotHeight;
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" << Number(width)
      << "\" height=\"" << Number(height) << "\" viewBox=\"0 0 " << Number(width) << " " << Number(height)
      << "\" role=\"img\">"
      << "<title>" << HtmlEscape(chart.title) << "</title>"
      << "<text x=\"" << Number(kLeft) << "\" y=\"14\" font-size=\"12\" font-weight=\"bold\">"
      << HtmlEscape(chart.title) << "</text>";
  Legend(out, chart.series);
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = axis_max * tick / 4, y = base - kPlotHeight * tick / 4;
    out << "<line x1=\"" << Number(kLeft) << "\" y1=\"" << Number(y) << "\" x2=\"" << Number(width - 6)
        << "\" y2=\"" << Number(y) << "\" stroke=\"#ddd\"/><text x=\"" << Number(kLeft - 4) << "\" y=\""
        << Number(y + 4) << "\" font-size=\"10\" text-anchor=\"end\">" << Fixed(value, 0) << "</text>";
  }
  double x = kLeft + 6;
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    const BarGroup& group = chart.groups[g];
    const double bars_width = kBarWidth * static_cast<double>(chart.series.size());
    double bar_x = x + (widths[g] - bars_width) / 2;
    for (std::size_t s = 0; s < chart.series.size() && s < group.values.size(); ++s, bar_x += kBarWidth) {
      if (!group.values[s]) continue;
      const double value = *group.values[s];
      const double h = kPlotHeight * std::clamp(value / axis_max, 0.0, 1.0);
      out << "<rect x=\"" << Number(bar_x + 1) << "\" y=\"" << Number(base - h) << "\" width=\""
          << Number(kBarWidth - 2) << "\" height=\"" << Number(h) << "\" fill=\"" << chart.series[s].color
          << "\"><title>" << HtmlEscape(chart.series[s].name + " " + group.label + ": " + Fixed(value))
          << "</title></rect><text x=\"" << Number(bar_x + kBarWidth / 2) << "\" y=\"" << Number(base - h - 3)
          << "\" font-size=\"8\" text-anchor=\"middle\">" << Number(value) << "</text>";
    }
    out << "<text x=\"" << Number(x + widths[g] / 2) << "\" y=\"" << Number(base + 14)
        << "\" font-size=\"10\" text-anchor=\"middle\">" << HtmlEscape(group.label) << "</text>";
    x += widths[g];
  }
  out << "<line x1=\"" << Number(kLeft) << "\" y1=\"" << Number(base) << "\" x2=\"" << Number(width - 6)
      << "\" y2=\"" << Number(base) << "\" stroke=\"#333\"/></svg>";
  return out.str();
}

std::string TrendChartSvg(const EntryTrend& trend) {
  const std::string title = trend.entry + " (" + trend.metric + ") by recorded run";
  const double width = std::max({260.0, kLeft + 60.0 * static_cast<double>(trend.points.size()) + 20,
                                 kLeft + 7.0 * static_cast<double>(title.size())});
  const double height = kTop + kPlotHeight + kBottom, base = kTop + kPlotHeight;
  double low = trend.points.empty() ? 0 : trend.points.front().value, high = low;
  for (const auto& point : trend.points) {
    low = std::min(low, point.value);
    high = std::max(high, point.value);
  }
  const double pad = std::max(1.0, (high - low) * 0.15);
  low -= pad;
  high += pad;
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" << Number(width)
      << "\" height=\"" << Number(height) << "\" viewBox=\"0 0 " << Number(width) << " " << Number(height)
      << "\" role=\"img\">"
      << "<text x=\"" << Number(kLeft) << "\" y=\"14\" font-size=\"12\" font-weight=\"bold\">"
      << HtmlEscape(title) << "</text>";
  for (int tick = 0; tick <= 4; ++tick) {
    const double y = base - kPlotHeight * tick / 4;
    out << "<line x1=\"" << Number(kLeft) << "\" y1=\"" << Number(y) << "\" x2=\"" << Number(width - 6)
        << "\" y2=\"" << Number(y) << "\" stroke=\"#ddd\"/><text x=\"" << Number(kLeft - 4) << "\" y=\""
        << Number(y + 4) << "\" font-size=\"10\" text-anchor=\"end\">"
        << Number(low + (high - low) * tick / 4) << "</text>";
  }
  std::string path;
  std::ostringstream marks;
  for (std::size_t i = 0; i < trend.points.size(); ++i) {
    const double x = kLeft + 30 + 60.0 * static_cast<double>(i);
    const double y = base - kPlotHeight * (trend.points[i].value - low) / (high - low);
    path += (i == 0 ? "" : " ") + Number(x) + "," + Number(y);
    marks << "<circle cx=\"" << Number(x) << "\" cy=\"" << Number(y) << "\" r=\"3\" fill=\"#4e79a7\"/>"
          << "<text x=\"" << Number(x) << "\" y=\"" << Number(y - 6)
          << "\" font-size=\"9\" text-anchor=\"middle\">" << Fixed(trend.points[i].value)
          << "</text><text x=\"" << Number(x) << "\" y=\"" << Number(base + 14)
          << "\" font-size=\"10\" text-anchor=\"middle\">run " << trend.points[i].run_id << "</text>";
  }
  out << "<polyline points=\"" << path << "\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"2\"/>"
      << marks.str() << "</svg>";
  return out.str();
}

}  // namespace vleval
