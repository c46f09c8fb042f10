// The safetensors header, parsed and checked without torch: where each
// tensor's bytes lie in the file. Rules (huggingface/safetensors README): u64
// little-endian header length N (at most 100 MB), N bytes of JSON starting
// with '{' (trailing spaces allowed), then the byte buffer; each tensor has
// "dtype", "shape" and "data_offsets" [begin, end) relative to the buffer;
// an optional "__metadata__" string-to-string map; no duplicate names; no two
// tensors sharing a byte.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/weights/stored_dtype.h"

namespace vleval {

inline constexpr std::uint64_t kSafetensorsMaxHeaderBytes = 100'000'000;

struct SafetensorsEntry {
  std::string name;
  StoredDtype dtype = StoredDtype::kF32;
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;  // byte offsets into the file (data_offsets + buffer start)
  std::uint64_t end = 0;
};

struct SafetensorsLayout {
  std::vector<SafetensorsEntry> tensors;  // sorted by name
  std::map<std::string, std::string> metadata;
  std::uint64_t buffer_start = 0;  // 8 + N
};

// Parses and validates the header of a safetensors file whose whole content
// is `file`. Every error starts with `where` (the file name) and names the
// tensor at fault: unknown dtype, negative dimension, offsets that do not
// match shape x dtype size, or a tensor past the end of the file ("file is
// truncated"). Pure function; thread-safe.
Result<SafetensorsLayout> ParseSafetensorsLayout(std::string_view file, std::string_view where);

}  // namespace vleval
