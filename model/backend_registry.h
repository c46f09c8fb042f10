// The model backends by name (model/, torch-free): what each one takes on
// the command line, what it can do, how it is described in run.json and how
// it is opened. `vleval run`, `generate` and `convert` build their options
// and --help from these entries; the harness holds no backend names.
// Adding a backend is its own files plus one line in the list of
// model/backend_registry.cc.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/registry.h"
#include "core/request_kind.h"
#include "core/result.h"
#include "model/backend.h"
#include "model/weights/digest_cache.h"

namespace vleval {

// One command-line option of a backend: "--<name> VALUE". `default_value`
// empty means "not given" (the backend decides what that means).
struct BackendOptionSpec {
  std::string name;  // without the dashes, e.g. "checkpoint"
  std::string help;  // one line for --help
  std::string default_value;
};

// The values of a backend's options: every option the entry declares, with
// its value as given on the command line, else its default_value. The
// harness adds "model-config": the model config file of the run
// (configs/models/*.json; empty: none), whose "image" and "architecture"
// sections belong to the backend.
using BackendSettings = std::map<std::string, std::string>;

// The key of BackendSettings that carries the model config file.
inline constexpr const char* kModelConfigSetting = "model-config";

struct BackendEntry {
  std::string summary;  // one line for --help, e.g. "MiniGPT-v2 in libtorch (dlopen'ed plug-in)"
  std::vector<BackendOptionSpec> options;
  // The model config a run uses when --model-config is not given: a name
  // under configs/models/ (chat template, box codec; see
  // benchmarks/model_profile.h).
  std::string model_config = "minigptv2-7b";
  // For run.json: the settings that change outputs and the name and sha256
  // of every input file (through `digests`). Loads nothing, never holds a
  // secret (an API key is named by its variable, never copied). Errors name
  // the option at fault (a required file missing or unreadable).
  std::function<Result<nlohmann::json>(const BackendSettings&, const DigestCache& digests)> describe;
  // What the backend will be able to do with these settings, known before
  // it is opened (so a run fails at start, not after loading a model).
  std::function<Result<BackendCapabilities>(const BackendSettings&)> capabilities;
  // Loads the model or connects to it (minutes for a 7B model).
  std::function<Result<std::unique_ptr<ModelBackend>>(const BackendSettings&)> open;
  // Optional. The libraries and devices the backend runs on, for `vleval
  // version` and run.json (MiniGPT-v2: {"torch": {...}}; may load a
  // plug-in, never a model).
  std::function<Result<nlohmann::json>()> runtime;
  // Optional. The settings of a run that change no output (a served model:
  // endpoint, the model the server reports, concurrency, timeouts,
  // attempts), for run.json's runtime.<backend name>; never a secret.
  std::function<Result<nlohmann::json>(const BackendSettings&)> run_settings;
  // Optional. Writes the model's files as one file that loads faster
  // (`vleval convert`; MiniGPT-v2: one safetensors file). Returns JSON
  // about what it wrote (e.g. {"bytes": N}).
  std::function<Result<nlohmann::json>(const BackendSettings&, const std::filesystem::path& out)> convert;
};

// Every model backend, by name. An unknown name fails with the known ones.
const Registry<BackendEntry>& Backends();

// The backend a command uses when none is named ("minigptv2").
const std::string& DefaultBackendName();

// Ok when `capabilities` serve requests of `kind`; else an error naming the
// task, the backend (when given) and the missing capability, e.g. "task hm
// needs first-token probabilities (generate-with-first-token requests),
// which backend openai does not offer".
Status CheckCapabilities(const BackendCapabilities& capabilities, RequestKind kind, const std::string& task,
                         const std::string& backend = {});

}  // namespace vleval
