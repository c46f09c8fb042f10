#include "model/backend_registry.h"

#include <utility>

#include "model/minigptv2_entry.h"
#include "model/openai/openai_entry.h"

namespace vleval {
namespace {

// The list of backends: one line per backend.
Registry<BackendEntry> BuildBackends() {
  Registry<BackendEntry> backends("backend");
  backends.Add("minigptv2", MiniGptV2BackendEntry());
  backends.Add("openai", OpenAiBackendEntry());
  return backends;
}

struct Need {
  bool BackendCapabilities::*capability;
  const char* name;
};

}  // namespace

const Registry<BackendEntry>& Backends() {
  static const Registry<BackendEntry> backends = BuildBackends();
  return backends;
}

const std::string& DefaultBackendName() {
  static const std::string name = "minigptv2";
  return name;
}

Status CheckCapabilities(const BackendCapabilities& capabilities, RequestKind kind, const std::string& task,
                         const std::string& backend) {
  std::vector<Need> needs;
  switch (kind) {
    case RequestKind::kGenerate:
      needs = {{&BackendCapabilities::generate, "generation"}};
      break;
    case RequestKind::kGenerateWithFirstToken:
      needs = {{&BackendCapabilities::generate, "generation"},
               {&BackendCapabilities::first_token_probabilities, "first-token probabilities"}};
      break;
    case RequestKind::kScoreCandidates:
      needs = {{&BackendCapabilities::score_candidates, "candidate scoring"}};
      break;
  }
  for (const Need& need : needs) {
    if (capabilities.*need.capability) continue;
    return Error{"task " + task + " needs " + need.name + " (" + std::string(RequestKindName(kind)) +
                 " requests), which " + (backend.empty() ? "this backend" : "backend " + backend) +
                 " does not offer"};
  }
  return {};
}

}  // namespace vleval
