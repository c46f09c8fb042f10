// The byte format of results.json (docs/results_format.md "results.json"):
// object keys sorted, two-space indentation, integers in decimal, other
// numbers as the shortest text that reads back as the same double (Python's
// repr: 56.9, 100.0, 1e-05), strings as JSON escapes them (UTF-8 kept), one
// trailing newline. The same value gives the same bytes on every machine.
// Also: writing a file atomically (temp file + rename), so readers and a
// killed writer never leave half a results file.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

std::string CanonicalJson(const nlohmann::json& value);

// Writes `bytes` to `path` through `path`.tmp and a rename. Errors name the file.
Status WriteFileAtomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace vleval
