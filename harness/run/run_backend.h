// The model side of `vleval run`: the backend named on the command line,
// taken from the registry (model/backend_registry.h) plus `replay`, wrapped
// as a PredictionSource, and its description for run.json: the backend
// name, then what the entry describes (settings that change outputs, the
// name and sha256 of every input file). No backend names here: every
// difference between backends is in their entries.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/registry.h"
#include "core/result.h"
#include "harness/run/prediction_source.h"
#include "harness/run/run_plan.h"
#include "model/backend_registry.h"

namespace vleval {

// A backend of `vleval run`: a model backend of Backends(), whose
// predictions come through ModelPredictionSource, or a source of
// predictions made elsewhere (open_source set; its backend.open is unused).
struct RunBackendEntry {
  BackendEntry backend;
  std::function<Result<std::unique_ptr<PredictionSource>>(const BackendSettings&)> open_source;
};

// Backends() and `replay` (replay_prediction_source.h).
const Registry<RunBackendEntry>& RunBackends();

struct BackendChoice {
  std::string backend = DefaultBackendName();
  BackendSettings settings;  // the entry's options (BackendSettings) and model-config
  // Cache of input digests (model/weights/digest_cache.h); empty = hash every time.
  std::filesystem::path digest_cache;
};

struct OpenedBackend {
  std::unique_ptr<ModelBackend> model;  // null for a source that is not a model (replay)
  std::unique_ptr<PredictionSource> source;
};

// {"backend": name} and the entry's description (digests files through
// choice.digest_cache; loads nothing). Errors: an unknown backend (listing
// the known ones), a missing or unreadable model file (named with its option).
Result<nlohmann::json> DescribeBackend(const BackendChoice& choice);

// What the chosen backend can do, before opening it.
Result<BackendCapabilities> CapabilitiesOf(const BackendChoice& choice);

// The chosen backend's runtime (BackendEntry::runtime) with its run settings
// under the backend's name (BackendEntry::run_settings), or null when the
// entry has neither.
Result<nlohmann::json> RuntimeOf(const BackendChoice& choice);

// Ok when `capabilities` serve every entry of `plan` (PlannedEntry::request_kind, the loader's declaration);
// else the error of CheckCapabilities for the first entry they cannot serve, naming the task, the backend and
// the capability. Checked before a run opens its backend.
Status CheckPlanCapabilities(const BackendCapabilities& capabilities, const std::vector<PlannedEntry>& plan,
                             const std::string& backend);

// Loads the model (minutes for the 7B one) or opens the replay source.
Result<OpenedBackend> OpenBackend(const BackendChoice& choice);

}  // namespace vleval
