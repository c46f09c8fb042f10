// RUN/run_request.json: what a run folder is a run of (the RunRequest, the
// model description, the shard count), written when a run starts. A re-run
// into the same folder must describe the same run (it then resumes); `vleval
// merge` rebuilds the plan from it. The data root is kept but may change
// (a moved data root), and batch size and threads are not kept: results do
// not depend on them.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "harness/run/run_plan.h"

namespace vleval {

struct RunDescription {
  RunRequest request;
  // {"backend": "minigptv2"|"replay"|..., "files": {role: {"name", "sha256"}}, settings...};
  // copied into results.json config.model.
  nlohmann::json model = nlohmann::json::object();
  int shard_count = 1;
};

nlohmann::json RunDescriptionJson(const RunDescription& description);
Result<RunDescription> ParseRunDescription(const nlohmann::json& json, const std::string& where);

// Writes RUN/run_request.json, or when it exists checks that it describes the
// same run: an error names the file and every differing key.
Status WriteOrCheckRunDescription(const std::filesystem::path& run_dir, const RunDescription& description);

// Reads RUN/run_request.json; errors name the file.
Result<RunDescription> ReadRunDescription(const std::filesystem::path& run_dir);

}  // namespace vleval
