#include "model/image/image_probe.h"

#include <cstring>

#include "core/json_file.h"
#include "model/image/jpeg_decoder.h"
#include "model/image/png_decoder.h"

namespace vleval::image {
namespace {

std::uint32_t BigEndian(std::span<const std::uint8_t> bytes, std::size_t at, std::size_t count) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < count; ++i) value = (value << 8) | bytes[at + i];
  return value;
}

Status CheckSize(const std::string& name, long long width, long long height) {
  if (width <= 0 || height <= 0) return Error{name + ": image header gives a size of 0"};
  long long pixels = 0;  // widths and heights are up to 2^32 - 1 each: the product may not fit
  if (__builtin_mul_overflow(width, height, &pixels) || pixels > kMaxDecodedPixels) {
    return Error{name + ": image of " + std::to_string(width) + "x" + std::to_string(height) +
                 " pixels exceeds the decompression-bomb limit"};
  }
  return {};
}

// Walks the marker segments up to the first frame header (SOFn) for the size,
// then looks for EOI after the first scan: inside entropy-coded data 0xFF is
// always followed by 0x00 or a restart marker, so FF D9 there is the end.
Result<ImageInfo> ProbeJpeg(std::span<const std::uint8_t> bytes, const std::string& name) {
  ImageInfo info{"JPEG"};
  bool have_size = false;
  std::size_t at = 2;
  while (at + 4 <= bytes.size()) {
    if (bytes[at] != 0xFF)
      return Error{name + ": corrupt JPEG header (no marker at byte " + std::to_string(at) + ")"};
    const std::uint8_t marker = bytes[at + 1];
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    const std::size_t length = BigEndian(bytes, at + 2, 2);
    if (length < 2)
      return Error{name + ": corrupt JPEG header (segment length " + std::to_string(length) + ")"};
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame && !have_size) {
      if (at + 9 > bytes.size()) break;
      info.height = static_cast<int>(BigEndian(bytes, at + 5, 2));
      info.width = static_cast<int>(BigEndian(bytes, at + 7, 2));
      have_size = true;
    }
    if (marker == 0xDA) {  // start of scan: the header is over
      if (!have_size) return Error{name + ": corrupt JPEG header (scan before any frame header)"};
      if (auto size = CheckSize(name, info.width, info.height); !size) return Error{size.message()};
      const std::size_t data = at + 2 + length;
      info.truncated = true;
      for (std::size_t i = data; i + 1 < bytes.size(); ++i) {
        if (bytes[i] == 0xFF && bytes[i + 1] == 0xD9) {
          info.truncated = false;
          break;
        }
      }
      return info;
    }
    at += 2 + length;
  }
  if (!have_size) return Error{name + ": JPEG file ends inside its header (file is truncated)"};
  if (auto size = CheckSize(name, info.width, info.height); !size) return Error{size.message()};
  info.truncated = true;  // a frame header but no scan
  return info;
}

// IHDR for the size, then the chunk chain up to IEND.
Result<ImageInfo> ProbePng(std::span<const std::uint8_t> bytes, const std::string& name) {
  ImageInfo info{"PNG"};
  if (bytes.size() < 33 || std::memcmp(bytes.data() + 12, "IHDR", 4) != 0) {
    return Error{name + ": PNG file without its IHDR header (file is truncated?)"};
  }
  const long long width = BigEndian(bytes, 16, 4);
  const long long height = BigEndian(bytes, 20, 4);
  if (auto size = CheckSize(name, width, height); !size) return Error{size.message()};
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(height);
  info.truncated = true;
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::uint64_t length = BigEndian(bytes, at, 4);
    if (std::memcmp(bytes.data() + at + 4, "IEND", 4) == 0) {
      info.truncated = false;
      break;
    }
    at += 12 + length;
  }
  return info;
}

}  // namespace

Result<ImageInfo> ProbeImageBytes(std::span<const std::uint8_t> bytes, const std::string& name) {
  if (LooksLikeJpeg(bytes)) return ProbeJpeg(bytes, name);
  if (LooksLikePng(bytes)) return ProbePng(bytes, name);
  std::string hex;
  for (std::size_t i = 0; i < bytes.size() && i < 8; ++i) {
    static const char kDigits[] = "0123456789abcdef";
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 15];
  }
  return Error{name + ": not an image (supported: JPEG, PNG); file starts with " +
               (hex.empty() ? std::string("(empty file)") : hex)};
}

Result<ImageInfo> ProbeImageFile(const std::filesystem::path& path) {
  auto contents = ReadTextFile(path);
  if (!contents) return contents.error();
  const auto* data = reinterpret_cast<const std::uint8_t*>(contents->data());
  return ProbeImageBytes({data, contents->size()}, path.string());
}

}  // namespace vleval::image
