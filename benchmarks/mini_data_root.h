// A tiny data root in exactly the published formats of every benchmark (a
// few samples per task, images drawn here), for tests, `vleval data
// make-mini` and the demo suite. The contents are fixed: the same call writes
// the same bytes.
#pragma once

#include <filesystem>

#include "core/result.h"

namespace vleval {

// Samples per generative task in the mini root (REC: per split file).
inline constexpr int kMiniSamplesPerTask = 3;

// Writes the mini data root under `dir` (created; existing files with the same
// names are overwritten). Errors name the file that could not be written.
Status WriteMiniDataRoot(const std::filesystem::path& dir);

}  // namespace vleval
