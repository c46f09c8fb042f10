// `vleval data check`: validates every file of every requested task under a
// data root before any model work: annotation files present and well formed,
// sample counts against the published ones, and every image found (all
// missing ones listed) with a readable header (format and size, read in
// parallel; files that are not images fail, truncated ones are listed). Also
// collects the files a manifest digests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "benchmarks/task_catalog.h"

namespace vleval {

struct TaskDataCheck {
  std::string task;
  std::size_t samples = 0;
  std::string error;                          // a loader error; empty when the files loaded
  std::vector<std::string> warnings;          // e.g. a count that differs from the published one
  std::vector<std::string> missing_images;    // one message per sample, naming every path tried
  std::vector<std::string> bad_images;        // found but not a readable JPEG/PNG header
  std::vector<std::string> truncated_images;  // decodable (as Pillow with LOAD_TRUNCATED_IMAGES), listed
  std::vector<std::filesystem::path> files;   // annotation files and the images found

  bool ok() const { return error.empty() && missing_images.empty() && bad_images.empty(); }
};

struct DataCheckReport {
  std::vector<TaskDataCheck> tasks;
  bool ok() const;
  // Every file of every task, in task order (for BuildManifest).
  std::vector<std::filesystem::path> Files() const;
};

// Checks `task_names` (task names and shorthands; empty = every task of the
// catalog) under `data_root`. Each task appears once even if named twice.
// Unknown names are an error with the closest known ones.
// Images outside the data root and the tasks' image folders count as missing
// unless `allow_outside_paths`.
Result<DataCheckReport> CheckData(const TaskCatalog& catalog, const std::vector<std::string>& task_names,
                                  const std::filesystem::path& data_root, bool allow_outside_paths = false);

// Human-readable report: one line per task ("ok" or the problem), every
// warning and missing image, then a summary line.
std::string FormatDataCheck(const DataCheckReport& report);

}  // namespace vleval
