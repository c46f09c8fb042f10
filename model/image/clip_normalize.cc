#include "model/image/clip_normalize.h"

#include <array>
#include <cassert>
#include <cstddef>

namespace vleval::image {
namespace {

using Table = std::array<std::array<float, 256>, 3>;

Table BuildTable() {
  Table table{};
  for (int channel = 0; channel < 3; ++channel) {
    for (int value = 0; value < 256; ++value) table[channel][value] = ClipNormalizedValue(channel, value);
  }
  return table;
}

const Table& NormalizedTable() {
  static const Table table = BuildTable();
  return table;
}

}  // namespace

float ClipNormalizedValue(int channel, int value) {
  // Two roundings per step, as in torch: no reciprocal, no fused operations
  // (the library is compiled with -ffp-contract=off).
  const float mean = static_cast<float>(kClipMean[channel]);
  const float std_dev = static_cast<float>(kClipStd[channel]);
  const float scaled = static_cast<float>(value) / 255.0f;
  return (scaled - mean) / std_dev;
}

void NormalizeClipInto(const RgbImage& image, std::span<float> out) {
  const std::size_t plane = static_cast<std::size_t>(image.width) * image.height;
  assert(out.size() == plane * 3);
  const Table& table = NormalizedTable();
  float* red = out.data();
  float* green = red + plane;
  float* blue = green + plane;
  const std::uint8_t* pixel = image.pixels.data();
  for (std::size_t i = 0; i < plane; ++i, pixel += 3) {
    red[i] = table[0][pixel[0]];
    green[i] = table[1][pixel[1]];
    blue[i] = table[2][pixel[2]];
  }
}

ChwFloatImage NormalizeClip(const RgbImage& image) {
  ChwFloatImage result{image.height, image.width,
                       std::vector<float>(static_cast<std::size_t>(image.width) * image.height * 3),
                       image.truncated};
  NormalizeClipInto(image, result.values);
  return result;
}

}  // namespace vleval::image
