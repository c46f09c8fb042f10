// Annotation loaders: one per benchmark family (okvqa, gqa, vsr, iconvqa,
// vizwiz, hm, refcoco, chair), each in its own file under loaders/, found by
// the name a task config gives in its "loader" field. A loader turns the files
// under a data root into Samples in file order; LoadTaskSamples adds the
// checks every task shares (no samples, duplicated ids, published count).
//
// Each entry also declares what its family needs from the harness: the
// request kind, the reference text of reports, whether the REC resampling
// rule applies, whether every sample needs a prediction, and extra scoring
// inputs beyond the samples (CHAIR's tables and COCO references). The
// harness reads these declarations and never compares loader names.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/answer_cleanup.h"
#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/registry.h"
#include "core/request_kind.h"
#include "core/result.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct LoaderInput {
  std::string task;                 // for messages
  std::filesystem::path data_root;  // --data-root
  nlohmann::json options;           // the task's loader_options (null = none)
  // False when the caller only scores: a loader may then leave empty what
  // only the model's requests use, Sample::image_candidates (many paths per
  // sample) and Sample::fields (the prompt's values), and need not keep
  // that text while reading (it still checks it).
  bool for_model = true;
};

// Adds to one sample's metric input what its References do not hold (CHAIR:
// the image's COCO objects and captions). An error names the sample.
using MetricInputCompleter = std::function<Status(const Sample&, MetricSample&)>;

struct LoaderEntry {
  std::string summary;    // one line: which files, which format
  AnswerCleanup cleanup;  // the official clean-up of this family's outputs
  // Reads the family's files. Bad data (missing file, malformed JSON, a missing
  // or mistyped field) is an error naming the file and the line or sample.
  std::function<Result<LoadedSamples>(const LoaderInput&)> load;
  // What the model is asked per sample. A kGenerate family whose task config
  // names a generation.first_token_probability is asked kGenerateWithFirstToken.
  RequestKind request_kind = RequestKind::kGenerate;
  ReferenceTextRule reference_text = ReferenceTextRule::kNone;  // for reports
  // The REC resampling rounds (benchmarks/rec_resampling.h) apply under the
  // minigptv2 dialect unless the run disables them.
  bool rec_resampling = false;
  // Non-empty: a sample without a prediction is a scoring error
  // "<file>: no <required_prediction> <id>" instead of a counted empty
  // output (CHAIR: an absent caption would lower the hallucination rates).
  std::string required_prediction;
  // Null, or the inputs beyond the samples: reads what the family's metric
  // needs from the data root (adding named tables to options.resources) and
  // returns the completer applied to every metric input. `samples` are the
  // task's, in task order. Errors name the missing or malformed file.
  std::function<Result<MetricInputCompleter>(const LoaderInput& input, const std::vector<Sample>& samples,
                                             ScoringOptions& options)>
      scoring_inputs;
};

// What scoring and running read of a loader entry for `config`: the entry and
// the LoaderInput its hooks take.
struct TaskFamily {
  const LoaderEntry* entry = nullptr;
  LoaderInput input;
  // The entry's request kind, with kGenerate promoted as LoaderEntry says.
  RequestKind request_kind = RequestKind::kGenerate;
};

// The family of `config` (its loader must be registered), or an error naming
// the task and the closest loader names.
Result<TaskFamily> FindTaskFamily(const TaskConfig& config, const std::filesystem::path& data_root);

// Every built-in loader and every one given to RegisterLoader, built once on
// first use; thread-safe to read.
const Registry<LoaderEntry>& Loaders();

// Adds a loader that lives outside benchmarks/loaders/ (a plug-in file linked
// into the executable, e.g. a test folder's), normally from a static
// initializer: `const bool registered = RegisterLoader("name", Entry());`.
// Only before the first Loaders() call; false after it or for a taken name.
bool RegisterLoader(const std::string& name, LoaderEntry entry);

// Runs the loader of `config` on `data_root`, then checks: at least one
// sample, ids unique (a duplicate is an error naming both positions), and the
// count equal to config.expected_count (a mismatch is a warning). Sets
// image_roots to the data root and the config's loader_options.image_dirs.
// `for_model` = false lets loaders skip image candidates and prompt fields
// (LoaderInput).
Result<LoadedSamples> LoadTaskSamples(const TaskConfig& config, const std::filesystem::path& data_root,
                                      bool for_model = true);

// The first path of sample.image_candidates that is a regular file inside
// one of `image_roots` (LoadedSamples::image_roots; empty = anywhere), or an
// error naming the sample id and every path tried. A candidate that exists
// but resolves outside every root (an absolute path, "..", a symlink out of
// the data root) is never read: the error names it as outside the data root.
Result<std::filesystem::path> ResolveImage(const Sample& sample,
                                           const std::vector<std::filesystem::path>& image_roots);

}  // namespace vleval
