// What `vleval data check` learns about an image without decoding its pixels:
// the format and size from the header, and whether the file is complete. A
// truncated file stays decodable (the decoders fill what is missing, as
// Pillow does with ImageFile.LOAD_TRUNCATED_IMAGES), but is reported.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/result.h"

namespace vleval::image {

struct ImageInfo {
  std::string format;  // "JPEG" or "PNG"
  int width = 0;
  int height = 0;
  // The file ends before its format's end marker: JPEG without an EOI marker
  // after its first scan, PNG whose chunks stop before IEND.
  bool truncated = false;
};

// Reads the header of an in-memory file. Errors start with `name`: not a
// JPEG or PNG (naming the first bytes), no frame header before the data ends,
// a zero or oversized (decompression-bomb) size. Linear in the file's size,
// no allocation beyond the result. Thread-safe.
Result<ImageInfo> ProbeImageBytes(std::span<const std::uint8_t> bytes, const std::string& name);

// ProbeImageBytes on the contents of `path` (a regular file).
Result<ImageInfo> ProbeImageFile(const std::filesystem::path& path);

}  // namespace vleval::image
