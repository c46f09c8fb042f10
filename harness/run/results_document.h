// The content of RUN/results.json (docs/results_format.md): the run's
// configuration, and per entry its task, prompt, data digests and metrics.
// Only values that identical runs share go in: no times, hosts, paths,
// thread counts, batch sizes or shard counts.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "harness/run/entry_scoring.h"
#include "harness/run/run_description.h"
#include "harness/run/run_plan.h"

namespace vleval {

// The prompt of `entry` before its fields are filled, with the identifier
// choice applied: "[vqa] Based on the image, ...: {question}".
std::string PromptTemplateText(const PlannedEntry& entry);

// `data_files[i]` is the data manifest "files" object of plan[i] (paths
// relative to the data root -> sha256); `scores[i]` its score.
nlohmann::json ResultsDocument(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                               const std::vector<EntryScore>& scores,
                               const std::vector<nlohmann::json>& data_files);

}  // namespace vleval
