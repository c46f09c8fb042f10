// Small images for the image tests (tests/image/), written with libpng so the
// tests need no Python: exact sample values in, exact pixels expected out.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/image/image.h"

namespace vleval::image::testing {

// Writes a non-interlaced PNG. `samples` holds width*height*channels values
// for `color_type` (PNG_COLOR_TYPE_*) at `bit_depth`, row-major; `palette` is
// RGB triplets for palette images. Returns the file's bytes as written.
std::string WritePng(const std::filesystem::path& path, int width, int height, int color_type, int bit_depth,
                     const std::vector<int>& samples, const std::vector<std::uint8_t>& palette = {});

// An 8-bit RGB PNG holding `image`.
void WriteRgbPng(const std::filesystem::path& path, const RgbImage& image);

// `image` as a baseline (or progressive) JPEG of quality 90, in memory.
std::vector<std::uint8_t> EncodeJpeg(const RgbImage& image, bool progressive = false);

// An RGB image whose pixel (x, y) is (x * 7 + y, y * 5 + x, x ^ y) mod 256.
RgbImage PatternImage(int width, int height);

// The whole file as bytes.
std::vector<std::uint8_t> ReadBytes(const std::filesystem::path& path);

}  // namespace vleval::image::testing
