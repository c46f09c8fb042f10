#include "harness/task_listing.h"

#include <iomanip>
#include <sstream>

#include "benchmarks/prompt.h"

namespace vleval {
namespace {

std::string PaperCell(const PaperReference& paper, const TaskConfig& task, const std::string& variant) {
  std::ostringstream cell;
  cell << std::fixed;
  if (auto v = paper.Value("table2", kMiniGptV2Row, task.name)) {
    cell << std::setprecision(1) << "paper " << *v;
  } else if (auto rec = paper.Value("table3", kMiniGptV2Row, task.name)) {
    cell << std::setprecision(2) << "paper " << *rec;
  } else {
    const std::string row = "MiniGPT-v2 (" + variant + ")";
    auto chair_i = paper.Value("table4", row, "chair_i");
    auto chair_s = paper.Value("table4", row, "chair_s");
    if (chair_i && chair_s) {
      cell << std::setprecision(1) << "paper CHAIR_i " << *chair_i << " CHAIR_s " << *chair_s;
    }
  }
  return cell.str();
}

std::string EntryLabel(const RunEntry& entry) {
  std::string label = entry.task;
  if (!entry.variant.empty()) label += ":" + entry.variant;
  if (entry.identifier != "default") label += " (identifier " + entry.identifier + ")";
  return label;
}

}  // namespace

std::string FormatTaskListing(const TaskCatalog& catalog, const PaperReference* paper) {
  std::ostringstream out;
  out << "Tasks (" << catalog.tasks().size()
      << "); prompt = task text inside the model config's chat template\n";
  for (const auto& [name, task] : catalog.tasks()) {
    out << "\n"
        << name << "  [" << task.loader << " -> " << task.metric << ", dialect " << task.dialect
        << ", max_new_tokens " << task.generation.max_new_tokens;
    if (task.expected_count) out << ", " << *task.expected_count << " samples";
    out << "]\n";
    for (const auto& [variant, prompt] : task.variants) {
      // Rendering with the default identifier and no fields cannot fail: the
      // placeholders are shown as written.
      const std::string text =
          prompt.identifier.empty() ? prompt.instruction : prompt.identifier + " " + prompt.instruction;
      out << "  " << (task.variants.size() > 1 ? variant + ": " : "prompt: ") << text;
      if (paper != nullptr) {
        const std::string cell = PaperCell(*paper, task, variant);
        if (!cell.empty()) out << "    (" << cell << ")";
      }
      out << "\n";
    }
  }
  out << "\nSuites\n";
  for (const auto& [name, suite] : catalog.suites()) {
    if (suite.shorthand) continue;
    out << "  " << name << ": " << suite.description << "\n    ";
    for (std::size_t i = 0; i < suite.entries.size(); ++i) {
      out << (i == 0 ? "" : ", ") << EntryLabel(suite.entries[i]);
    }
    out << "\n";
  }
  out << "\nShorthands (usable wherever a task name is)\n";
  for (const auto& [name, suite] : catalog.suites()) {
    if (!suite.shorthand) continue;
    out << "  " << name << " =";
    for (const auto& entry : suite.entries) out << " " << EntryLabel(entry);
    out << "\n";
  }
  return out.str();
}

nlohmann::json TaskListingJson(const TaskCatalog& catalog) {
  nlohmann::json out;
  out["tasks"] = nlohmann::json::array();
  for (const auto& [name, task] : catalog.tasks()) out["tasks"].push_back(TaskConfigToJson(task));
  out["suites"] = nlohmann::json::array();
  for (const auto& [name, suite] : catalog.suites()) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& entry : suite.entries) {
      entries.push_back({{"task", entry.task}, {"variant", entry.variant}, {"identifier", entry.identifier}});
    }
    out["suites"].push_back({{"name", name},
                             {"description", suite.description},
                             {"shorthand", suite.shorthand},
                             {"entries", entries}});
  }
  return out;
}

}  // namespace vleval
