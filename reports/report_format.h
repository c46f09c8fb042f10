// Report formats (md, csv, tex, html): a registry of renderers from
// ReportInput to the bytes of one file. Every format is deterministic: the
// same input gives byte-identical output on every machine (the goldens in
// tests/reports/golden/ pin them). One file per format: format_<name>.cc.
#pragma once

#include <functional>
#include <string>

#include "core/registry.h"
#include "reports/report_input.h"

namespace vleval {

struct ReportFormat {
  std::string description;  // one line for --help
  std::function<std::string(const ReportInput&)> render;
};

// The formats by name: "md", "csv", "tex", "html". Built on first use;
// thread-safe to read.
const Registry<ReportFormat>& ReportFormats();

// Each format's renderer (format_<name>.cc).
std::string RenderMarkdown(const ReportInput& input);
std::string RenderCsv(const ReportInput& input);
std::string RenderLatex(const ReportInput& input);
std::string RenderHtml(const ReportInput& input);

}  // namespace vleval
