// Plain image types of the preprocessing stage (model/image/): an 8-bit RGB
// raster as Pillow holds it after convert('RGB'), and the float32 CHW tensor
// the vision encoder reads after ToTensor + Normalize.
//
// Both are value types that own their pixels; they are safe to move between
// threads and to read from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vleval::image {

// 8-bit RGB, row-major, interleaved: pixel (x, y) channel c is
// pixels[(y * width + x) * 3 + c]. Invariant: pixels.size() == width*height*3.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
  // The file ended before its image data did (JPEG: no EOI marker, the data
  // runs out; PNG: no IEND chunk): the decoder filled what was missing, as
  // Pillow does with ImageFile.LOAD_TRUNCATED_IMAGES. Images derived from it
  // (resized, normalised) keep the flag, so a run can count and report them.
  bool truncated = false;

  static RgbImage Blank(int width, int height) {
    return {width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
  }
  const std::uint8_t* Row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
  std::uint8_t* Row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
};

// float32 planes, channel-major: value (c, y, x) is
// values[(c * height + y) * width + x]. Invariant: values.size() == 3*height*width.
struct ChwFloatImage {
  int height = 0;
  int width = 0;
  std::vector<float> values;
  bool truncated = false;  // made from a truncated file (RgbImage::truncated)
};

}  // namespace vleval::image
