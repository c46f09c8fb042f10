#include "harness/data_check.h"

#include <algorithm>
#include <set>

#include <optional>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "benchmarks/loader.h"
#include "model/image/image_probe.h"

namespace vleval {
namespace {

// Reads every image's header in parallel; reports in `images` order.
void ProbeImages(const std::vector<std::filesystem::path>& images, TaskDataCheck& check) {
  std::vector<std::optional<Result<image::ImageInfo>>> probes(images.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, images.size()), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) probes[i] = image::ProbeImageFile(images[i]);
  });
  for (std::size_t i = 0; i < images.size(); ++i) {
    const auto& probe = *probes[i];
    if (!probe) {
      check.bad_images.push_back(probe.error().message);
    } else if (probe->truncated) {
      check.truncated_images.push_back(images[i].string() + " (" + probe->format + " " +
                                       std::to_string(probe->width) + "x" + std::to_string(probe->height) +
                                       ", file is truncated: decoded with its missing part blank)");
    }
  }
}

}  // namespace

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
    std::vector<std::filesystem::path> images;
    for (const auto& sample : loaded->samples) {
      auto image = ResolveImage(sample, loaded->image_roots);
      if (image) {
        images.push_back(*image);
      } else {
        check.missing_images.push_back(image.error().message);
      }
    }
    ProbeImages(images, check);
    check.files.insert(check.files.end(), images.begin(), images.end());
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
             std::to_string(task.missing_images.size()) + " missing images" +
             (task.bad_images.empty() ? "" : ", " + std::to_string(task.bad_images.size()) + " not images") +
             (task.truncated_images.empty()
                  ? ""
                  : ", " + std::to_string(task.truncated_images.size()) + " truncated") +
             (task.ok() ? ", ok" : "") + "\n";
    }
    for (const auto& warning : task.warnings) out += "  warning: " + warning + "\n";
    for (const auto& image : task.missing_images) out += "  missing: " + image + "\n";
    for (const auto& image : task.bad_images) out += "  not an image: " + image + "\n";
    for (const auto& image : task.truncated_images) out += "  truncated: " + image + "\n";
    failed += task.ok() ? 0 : 1;
    missing += task.missing_images.size();
  }
  out += "summary: " + std::to_string(report.tasks.size() - failed) + " of " +
         std::to_string(report.tasks.size()) + " tasks ok, " + std::to_string(missing) + " missing images\n";
  return out;
}

}  // namespace vleval
