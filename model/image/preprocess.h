// The MiniGPT-v2 eval image transform for one file (model/image/):
// Image.open(path).convert('RGB') -> Resize((size, size), BICUBIC) ->
// ToTensor -> Normalize(CLIP). The square resize squashes; no crop, no pad.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

// MiniGPT-v2's input resolution (blip2_image_eval, image_size: 448).
inline constexpr int kMiniGptV2ImageSize = 448;

// Decodes `path` and resizes it to size x size pixels. Errors (unreadable,
// corrupt or unsupported file; size < 1) name the path. Thread-safe.
Result<RgbImage> LoadResizedImage(const std::filesystem::path& path, int size = kMiniGptV2ImageSize);

// LoadResizedImage followed by CLIP normalisation: float32, 3 x size x size.
Result<ChwFloatImage> LoadNormalizedImage(const std::filesystem::path& path, int size = kMiniGptV2ImageSize);

}  // namespace vleval::image
