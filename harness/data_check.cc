#include "harness/data_check.h"

#include <algorithm>
#include <set>

#include "benchmarks/loader.h"

namespace vleval {

bool DataCheckReport::ok() const {
  return std::all_of(tasks.begin(), tasks.end(), [](const TaskDataCheck& task) { return task.ok(); });
}

std::vector<std::filesystem::path> DataCheckReport::Files() const {
  std::vector<std::filesystem::path> files;
  for (const auto& task : tasks) files.insert(files.end(), task.files.begin(), task.files.end());
  return files;
}

Result<DataCheckReport> CheckData(const TaskCatalog& catalog, const std::vector<std::string>& task_names,
                                  const std::filesystem::path& data_root, bool allow_outside_paths) {
  std::vector<std::string> names;
  if (task_names.empty()) {
    for (const auto& [name, config] : catalog.tasks()) names.push_back(name);
  } else {
    auto entries = catalog.ExpandTasks(task_names);
    if (!entries) return entries.error();
    std::set<std::string> seen;
    for (const auto& entry : *entries) {
      if (seen.insert(entry.task).second) names.push_back(entry.task);
    }
  }
  DataCheckReport report;
  for (const auto& name : names) {
    TaskDataCheck check;
    check.task = name;
    auto loaded = LoadTaskSamples(**catalog.FindTask(name), data_root);
    if (!loaded) {
      check.error = loaded.error().message;
      report.tasks.push_back(std::move(check));
      continue;
    }
    check.samples = loaded->samples.size();
    check.warnings = loaded->warnings;
    check.files = loaded->files;
    if (allow_outside_paths) loaded->image_roots.clear();
    for (const auto& sample : loaded->samples) {
      auto image = ResolveImage(sample, loaded->image_roots);
      if (image) {
        check.files.push_back(*image);
      } else {
        check.missing_images.push_back(image.error().message);
      }
    }
    report.tasks.push_back(std::move(check));
  }
  return report;
}

std::string FormatDataCheck(const DataCheckReport& report) {
  std::string out;
  std::size_t failed = 0;
  std::size_t missing = 0;
  for (const auto& task : report.tasks) {
    if (!task.error.empty()) {
      out += task.task + ": FAILED: " + task.error + "\n";
    } else {
      out += task.task + ": " + std::to_string(task.samples) + " samples, " +
             std::to_string(task.missing_images.size()) + " missing images" + (task.ok() ? ", ok" : "") +
             "\n";
    }
    for (const auto& warning : task.warnings) out += "  warning: " + warning + "\n";
    for (const auto& image : task.missing_images) out += "  missing: " + image + "\n";
    failed += task.ok() ? 0 : 1;
    missing += task.missing_images.size();
  }
  out += "summary: " + std::to_string(report.tasks.size() - failed) + " of " +
         std::to_string(report.tasks.size()) + " tasks ok, " + std::to_string(missing) + " missing images\n";
  return out;
}

}  // namespace vleval
