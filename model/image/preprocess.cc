#include "model/image/preprocess.h"

#include <string>
#include <utility>

#include "model/image/bicubic_resize.h"
#include "model/image/clip_normalize.h"
#include "model/image/image_file.h"

namespace vleval::image {

Result<RgbImage> LoadResizedImage(const std::filesystem::path& path, int size) {
  if (size < 1) return Error{path.string() + ": image size must be at least 1, got " + std::to_string(size)};
  auto decoded = DecodeImageFile(path);
  if (!decoded) return decoded.error();
  if (decoded->width == size && decoded->height == size) return std::move(*decoded);  // Pillow copies
  return ResizeBicubic(*decoded, size, size);
}

Result<ChwFloatImage> LoadNormalizedImage(const std::filesystem::path& path, int size) {
  auto resized = LoadResizedImage(path, size);
  if (!resized) return resized.error();
  return NormalizeClip(*resized);
}

}  // namespace vleval::image
