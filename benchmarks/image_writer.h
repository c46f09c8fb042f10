// Writing small RGB images as PNG (libpng) and baseline JPEG (libjpeg), for
// the mini data root and for tests that need real image files. Decoding lives
// in model/image/; this file only writes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"

namespace vleval {

// 8-bit RGB, row-major, 3 bytes per pixel, no padding.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 3

  RgbImage(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b);
  // Paints the pixels with x0 <= x < x1, y0 <= y < y1 (clipped to the image).
  void FillRect(int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g, std::uint8_t b);
};

// Write `image` to `path`, creating its folder. Errors name the path.
// Not thread-safe per path; distinct paths may be written concurrently.
Status WritePng(const std::filesystem::path& path, const RgbImage& image);
Status WriteJpeg(const std::filesystem::path& path, const RgbImage& image, int quality = 90);

}  // namespace vleval
