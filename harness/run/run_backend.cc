#include "harness/run/run_backend.h"

#include <utility>

#include "harness/run/model_prediction_source.h"
#include "harness/run/replay_prediction_source.h"

namespace vleval {
namespace {

std::string Setting(const BackendSettings& settings, const std::string& key) {
  const auto it = settings.find(key);
  return it == settings.end() ? std::string() : it->second;
}

// `replay`: the predictions of a run folder or a predictions file, by sample id.
RunBackendEntry ReplayEntry() {
  RunBackendEntry entry;
  entry.backend.summary = "predictions made elsewhere (a run folder or a predictions file), by sample id";
  entry.backend.options = {{"replay", "replay backend: a run folder or a predictions file", ""}};
  entry.backend.describe = [](const BackendSettings& settings,
                              const DigestCache& cache) -> Result<nlohmann::json> {
    auto replay = DescribeInputFile("replay", Setting(settings, "replay"), cache);
    if (!replay) return replay.error();
    return nlohmann::json{{"files", {{"replay", *replay}}}};
  };
  // Whatever was recorded is replayed: a missing field is an error per sample.
  entry.backend.capabilities = [](const BackendSettings&) -> Result<BackendCapabilities> {
    return BackendCapabilities{true, true, true};
  };
  entry.open_source = [](const BackendSettings& settings) -> Result<std::unique_ptr<PredictionSource>> {
    auto replay = ReplayPredictionSource::Open(Setting(settings, "replay"));
    if (!replay) return replay.error();
    return std::unique_ptr<PredictionSource>(std::make_unique<ReplayPredictionSource>(std::move(*replay)));
  };
  return entry;
}

Registry<RunBackendEntry> BuildRunBackends() {
  Registry<RunBackendEntry> backends("backend");
  for (const std::string& name : Backends().Names()) backends.Add(name, {**Backends().Find(name), {}});
  backends.Add("replay", ReplayEntry());
  return backends;
}

}  // namespace

const Registry<RunBackendEntry>& RunBackends() {
  static const Registry<RunBackendEntry> backends = BuildRunBackends();
  return backends;
}

Result<nlohmann::json> DescribeBackend(const BackendChoice& choice) {
  auto entry = RunBackends().Find(choice.backend);
  if (!entry) return Error{"--backend: " + entry.error().message};
  const DigestCache cache(choice.digest_cache);
  auto described = (*entry)->backend.describe(choice.settings, cache);
  if (!described) return described.error();
  (*described)["backend"] = choice.backend;
  return described;
}

Result<BackendCapabilities> CapabilitiesOf(const BackendChoice& choice) {
  auto entry = RunBackends().Find(choice.backend);
  if (!entry) return Error{"--backend: " + entry.error().message};
  return (*entry)->backend.capabilities(choice.settings);
}

Result<nlohmann::json> RuntimeOf(const BackendChoice& choice) {
  auto entry = RunBackends().Find(choice.backend);
  if (!entry) return Error{"--backend: " + entry.error().message};
  const BackendEntry& backend = (*entry)->backend;
  nlohmann::json runtime;
  if (backend.runtime) {
    auto libraries = backend.runtime();
    if (!libraries) return libraries.error();
    runtime = std::move(*libraries);
  }
  if (backend.run_settings) {
    auto settings = backend.run_settings(choice.settings);
    if (!settings) return settings.error();
    if (runtime.is_null()) runtime = nlohmann::json::object();
    runtime[choice.backend] = std::move(*settings);
  }
  return runtime;
}

Status CheckPlanCapabilities(const BackendCapabilities& capabilities, const std::vector<PlannedEntry>& plan,
                             const std::string& backend) {
  for (const PlannedEntry& entry : plan) {
    if (auto status = CheckCapabilities(capabilities, entry.request_kind, entry.name, backend); !status)
      return status;
  }
  return {};
}

Result<OpenedBackend> OpenBackend(const BackendChoice& choice) {
  auto entry = RunBackends().Find(choice.backend);
  if (!entry) return Error{"--backend: " + entry.error().message};
  OpenedBackend opened;
  if ((*entry)->open_source) {
    auto source = (*entry)->open_source(choice.settings);
    if (!source) return source.error();
    opened.source = std::move(*source);
    return opened;
  }
  auto model = (*entry)->backend.open(choice.settings);
  if (!model) return model.error();
  opened.model = std::move(*model);
  opened.source = std::make_unique<ModelPredictionSource>(*opened.model);
  return opened;
}

}  // namespace vleval
