#include "model/image/clip_normalize.h"

#include <array>
#include <cassert>
#include <cstddef>

namespace vleval::image {
namespace {

using Table = std::array<std::array<float, 256>, 3>;

// Two roundings per step, as in torch: no reciprocal, no fused operations
// (the library is compiled with -ffp-contract=off).
float NormalizedValue(double mean, double std_dev, int value) {
  const float scaled = static_cast<float>(value) / 255.0f;
  return (scaled - static_cast<float>(mean)) / static_cast<float>(std_dev);
}

Table BuildTable(const std::array<double, 3>& mean, const std::array<double, 3>& std_dev) {
  Table table{};
  for (int channel = 0; channel < 3; ++channel) {
    for (int value = 0; value < 256; ++value)
      table[channel][value] = NormalizedValue(mean[channel], std_dev[channel], value);
  }
  return table;
}

const Table& NormalizedTable() {
  static const Table table =
      BuildTable({kClipMean[0], kClipMean[1], kClipMean[2]}, {kClipStd[0], kClipStd[1], kClipStd[2]});
  return table;
}

void NormalizeIntoWith(const Table& table, const RgbImage& image, std::span<float> out) {
  const std::size_t plane = static_cast<std::size_t>(image.width) * image.height;
  assert(out.size() == plane * 3);
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

}  // namespace

float ClipNormalizedValue(int channel, int value) {
  return NormalizedValue(kClipMean[channel], kClipStd[channel], value);
}

void NormalizeClipInto(const RgbImage& image, std::span<float> out) {
  NormalizeIntoWith(NormalizedTable(), image, out);
}

ChwFloatImage NormalizeClip(const RgbImage& image) {
  ChwFloatImage result{image.height, image.width,
                       std::vector<float>(static_cast<std::size_t>(image.width) * image.height * 3),
                       image.truncated};
  NormalizeClipInto(image, result.values);
  return result;
}

ChwFloatImage NormalizeWith(const RgbImage& image, const std::array<double, 3>& mean,
                            const std::array<double, 3>& std_dev) {
  ChwFloatImage result{image.height, image.width,
                       std::vector<float>(static_cast<std::size_t>(image.width) * image.height * 3)};
  NormalizeIntoWith(BuildTable(mean, std_dev), image, result.values);
  return result;
}

}  // namespace vleval::image
