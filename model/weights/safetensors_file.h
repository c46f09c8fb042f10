// Reading and writing safetensors files. Reading maps the file once and
// returns tensors that point into the mapping (zero copy; the first touch of
// a page reads it from the page cache), so loading a 13 GB model costs no
// extra resident memory beyond the pages used.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/result.h"
#include "model/weights/named_tensors.h"

namespace vleval {

struct SafetensorsContents {
  NamedTensors tensors;
  std::map<std::string, std::string> metadata;  // the "__metadata__" map, if any
};

// Reads `path`. Errors name the file and, where one is at fault, the tensor
// (see safetensors_layout.h for the rules checked). Thread-safe.
Result<SafetensorsContents> ReadSafetensors(const std::filesystem::path& path);

// Writes `tensors` (any device, contiguous or not, dtypes of StoredDtype)
// and `metadata` as a safetensors file: header padded with spaces to a
// multiple of 8 bytes, tensors in name order. Writes `path`.partial, then
// renames it, so a failed write never leaves a truncated `path`; an existing
// `path` that is not a regular file is refused (CheckOutputTarget). Errors name
// the file (and the tensor, for an unsupported dtype).
Status WriteSafetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata);

}  // namespace vleval
