#include "reports/report_format.h"

namespace vleval {

const Registry<ReportFormat>& ReportFormats() {
  static const Registry<ReportFormat> formats = [] {
    Registry<ReportFormat> registry("report format");
    registry.Add("md", {"Markdown tables (terminal and GitHub)", RenderMarkdown});
    registry.Add("csv", {"one CSV row per table cell, metric and breakdown value", RenderCsv});
    registry.Add("tex", {"LaTeX booktabs tables, one table environment per paper table", RenderLatex});
    registry.Add("html", {"one self-contained HTML page with SVG charts and a sample browser", RenderHtml});
    return registry;
  }();
  return formats;
}

}  // namespace vleval
