#include "model/image/image_file.h"

#include <cstdio>

#include "core/json_file.h"
#include "model/image/jpeg_decoder.h"
#include "model/image/png_decoder.h"

namespace vleval::image {
namespace {

// The first bytes in hex, for "not an image" messages.
std::string HexPrefix(std::span<const std::uint8_t> bytes) {
  std::string hex;
  for (std::size_t i = 0; i < bytes.size() && i < 8; ++i) {
    char byte[4];
    std::snprintf(byte, sizeof(byte), "%02x", bytes[i]);
    hex += byte;
  }
  return hex.empty() ? "(empty file)" : hex;
}

}  // namespace

Result<RgbImage> DecodeImageBytes(std::span<const std::uint8_t> bytes, const std::string& name) {
  if (LooksLikeJpeg(bytes)) return DecodeJpeg(bytes, name);
  if (LooksLikePng(bytes)) return DecodePng(bytes, name);
  return Error{name + ": unsupported image format (supported: JPEG, PNG); file starts with " +
               HexPrefix(bytes)};
}

Result<RgbImage> DecodeImageFile(const std::filesystem::path& path) {
  auto contents = ReadTextFile(path);
  if (!contents) return contents.error();
  const auto* data = reinterpret_cast<const std::uint8_t*>(contents->data());
  return DecodeImageBytes({data, contents->size()}, path.string());
}

}  // namespace vleval::image
