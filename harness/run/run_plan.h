// What a run evaluates, resolved once from the command line: the entries
// (task, prompt variant, identifier) with their configs, dialect, batch size
// and samples (after --limit), in the order of the suite or task list.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "benchmarks/loader.h"
#include "benchmarks/model_profile.h"
#include "benchmarks/prompt.h"
#include "benchmarks/task_catalog.h"
#include "core/request_kind.h"
#include "core/result.h"
#include "metrics/dialect.h"

namespace vleval {

// The run-affecting choices of `vleval run` (not the model, not threads).
struct RunRequest {
  std::optional<std::string> suite;  // --suite, or
  std::vector<std::string> tasks;    // --tasks, as given
  std::filesystem::path data_root;
  std::string dialect;               // "" = each task's own
  std::string identifier;            // "" = each entry's own (default|none|<token>)
  int batch_size = 0;                // 0 = each task's own
  std::optional<std::size_t> limit;  // first K samples of every entry
  bool rec_resample = true;          // REC resampling rounds (minigptv2 dialect only)
  // --allow-outside-paths: images named by annotation files may lie outside
  // the data root and the tasks' image folders (recorded in run.json).
  bool allow_outside_paths = false;
  // --model-config: the model config file; it gives the chat template and
  // the box codec. "" = configs/models/<default_model_config>.json, the
  // backend's (BackendEntry::model_config; not recorded: the backend is).
  std::filesystem::path model_config;
  std::string default_model_config = "minigptv2-7b";
  std::string box_codec;  // --box-codec: "" = the model config's
};

struct PlannedEntry {
  std::string name;  // results key: task[:variant][@identifier] (docs/results_format.md)
  TaskConfig task;
  std::string variant;  // resolved variant name
  PromptTemplate prompt;
  IdentifierChoice identifier;
  ModelProfile model;     // the run's model config (chat template of every prompt)
  std::string box_codec;  // REC output format of the run: --box-codec, else the model config's
  Dialect dialect = Dialect::kMiniGptV2;
  int batch_size = 1;
  // What the model is asked per sample (the loader's declaration, see
  // benchmarks/loader.h).
  RequestKind request_kind = RequestKind::kGenerate;
  // True when the loader declares the REC resampling rule, the dialect is
  // minigptv2 and the run does not disable it.
  bool rec_resample = false;
  LoadedSamples loaded;  // samples in task order, cut to --limit
  // What does not stop the run but should be seen, each naming the entry:
  // the loader's warnings (a count that differs from the published one) and
  // an identifier the model config does not list (an ablation, or a typo).
  std::vector<std::string> notes;
};

// The entry key of results.json for `task` evaluated with `variant` and
// `identifier` (variant shown only when the task has several).
std::string EntryName(const TaskConfig& task, const std::string& variant, const IdentifierChoice& identifier);

// Expands the suite or tasks, reads the model config and loads every entry's
// samples from the data root. Errors: unknown suite/task/dialect/identifier/
// box codec, a bad model config, two entries with the same name, and any
// loader error (naming the file).
Result<std::vector<PlannedEntry>> PlanRun(const TaskCatalog& catalog, const RunRequest& request);

// Every sample image of `entry` at `positions` exists; else an error naming
// the entry, the sample and the paths tried (before any model time is spent).
Status CheckImages(const PlannedEntry& entry, const std::vector<std::size_t>& positions);

}  // namespace vleval
