// Annotation loaders: one per benchmark family (okvqa, gqa, vsr, iconvqa,
// vizwiz, hm, refcoco, chair), each in its own file under loaders/, found by
// the name a task config gives in its "loader" field. A loader turns the files
// under a data root into Samples in file order; LoadTaskSamples adds the
// checks every task shares (no samples, duplicated ids, published count).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "benchmarks/answer_cleanup.h"
#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/registry.h"
#include "core/result.h"

namespace vleval {

struct LoaderInput {
  std::string task;                 // for messages
  std::filesystem::path data_root;  // --data-root
  nlohmann::json options;           // the task's loader_options (null = none)
  // False when the caller only scores: a loader may then leave
  // Sample::image_candidates empty (they are many paths per sample).
  bool with_images = true;
};

struct LoaderEntry {
  std::string summary;    // one line: which files, which format
  AnswerCleanup cleanup;  // the official clean-up of this family's outputs
  // Reads the family's files. Bad data (missing file, malformed JSON, a missing
  // or mistyped field) is an error naming the file and the line or sample.
  std::function<Result<LoadedSamples>(const LoaderInput&)> load;
};

// Every built-in loader, built once on first use; thread-safe to read.
const Registry<LoaderEntry>& Loaders();

// Runs the loader of `config` on `data_root`, then checks: at least one
// sample, ids unique (a duplicate is an error naming both positions), and the
// count equal to config.expected_count (a mismatch is a warning). Sets
// image_roots to the data root and the config's loader_options.image_dirs.
// `with_images` = false lets loaders skip image candidates (LoaderInput).
Result<LoadedSamples> LoadTaskSamples(const TaskConfig& config, const std::filesystem::path& data_root,
                                      bool with_images = true);

// The first path of sample.image_candidates that is a regular file inside
// one of `image_roots` (LoadedSamples::image_roots; empty = anywhere), or an
// error naming the sample id and every path tried. A candidate that exists
// but resolves outside every root (an absolute path, "..", a symlink out of
// the data root) is never read: the error names it as outside the data root.
Result<std::filesystem::path> ResolveImage(const Sample& sample,
                                           const std::vector<std::filesystem::path>& image_roots);

}  // namespace vleval
