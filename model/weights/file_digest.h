// SHA-256 digests of weight files, recorded in converted files so that a
// converted model names exactly which inputs it came from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace vleval {

// Lowercase hex SHA-256 of the concatenated bytes of `paths`, in the order
// given. Reads in 4 MiB blocks (constant memory). Errors name the file.
Result<std::string> Sha256OfFiles(const std::vector<std::filesystem::path>& paths);

}  // namespace vleval
