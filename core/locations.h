// Where vleval finds its own files at run time: the configs folder (tasks,
// suites, models) and the running executable.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace vleval {

// Folder of the running executable (from /proc/self/exe); empty if unknown.
std::filesystem::path ExecutableDir();

// The configs folder, first found of: `explicit_dir` (from --configs) when not
// empty, $VLEVAL_CONFIGS, <exe>/../share/vleval/configs, and the source tree's
// configs/ recorded at build time. The error lists every place tried.
Result<std::filesystem::path> FindConfigDir(const std::string& explicit_dir = {});

}  // namespace vleval
