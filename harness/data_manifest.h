// Data manifests: the sha256 digest of every file a run reads from the data
// root (annotation files and images), so a run can prove which data it saw.
// Format: {"version": 1, "files": {"<path relative to the data root>": "<hex>"}}
// with keys sorted; the same files give the same bytes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// Lower-case hex sha256 of the file's bytes; errors name the file.
Result<std::string> Sha256OfFile(const std::filesystem::path& path);

// The manifest of `files` (absolute or relative to `data_root`; duplicates are
// digested once). Files outside the data root keep their absolute path.
Result<nlohmann::json> BuildManifest(const std::filesystem::path& data_root,
                                     const std::vector<std::filesystem::path>& files);

// Compares the files named in `manifest` under `data_root` with their recorded
// digests. The error lists every changed, missing or unreadable file, and
// every name that resolves outside the data root (never read).
Status VerifyManifest(const nlohmann::json& manifest, const std::filesystem::path& data_root);

}  // namespace vleval
