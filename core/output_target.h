// Where a command may write a file it replaces by renaming a temporary file
// onto it: a new name, or an existing regular file. Renaming onto anything
// else would replace a device node, FIFO, directory or symlink with a regular
// file, so that is refused before any work is done.
#pragma once

#include <filesystem>

#include "core/result.h"

namespace vleval {

// OK when `path` does not exist or is a regular file (not a symlink); else an
// error naming the path and what it is. Never throws.
Status CheckOutputTarget(const std::filesystem::path& path);

}  // namespace vleval
