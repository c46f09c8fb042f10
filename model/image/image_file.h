// Opening an image file the way the MiniGPT-v2 datasets do,
// Image.open(path).convert('RGB') (model/image/): the format is recognised
// from the file's first bytes (not its extension), then the JPEG or PNG
// decoder runs. Other formats are reported as unsupported.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

// Decodes an in-memory file. `name` prefixes error messages. Unknown
// signatures are an error naming the first bytes. Thread-safe.
Result<RgbImage> DecodeImageBytes(std::span<const std::uint8_t> bytes, const std::string& name);

// Reads and decodes `path`. A missing, unreadable, corrupt or unsupported
// file is an error whose message starts with the path. Thread-safe.
Result<RgbImage> DecodeImageFile(const std::filesystem::path& path);

}  // namespace vleval::image
