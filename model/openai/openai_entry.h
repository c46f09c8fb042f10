// The registry entry of `--backend openai` (model/backend_registry.cc): its
// options (--endpoint, --model, --api-key-env, --concurrency, --timeout,
// --connect-timeout, --max-attempts, --top-logprobs, --score-candidates),
// its description (DescribeOpenAiRequests plus "server_model", what GET
// {endpoint}/models says of --model), its capabilities (generation always;
// first-token probabilities with --top-logprobs above 0; candidate scoring
// with --score-candidates completions) and its opening.
#pragma once

#include "model/backend_registry.h"

namespace vleval {

BackendEntry OpenAiBackendEntry();

}  // namespace vleval
