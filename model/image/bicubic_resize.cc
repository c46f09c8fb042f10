#include "model/image/bicubic_resize.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <vector>

#include "model/image/resample_coefficients.h"

namespace vleval::image {
namespace {

// Pillow's clip8: arithmetic shift (floor) back to 8 bits, then clamp.
inline std::uint8_t Clip8(std::int32_t accumulated) {
  const std::int32_t value = accumulated >> kResamplePrecisionBits;
  return static_cast<std::uint8_t>(value < 0 ? 0 : (value > 255 ? 255 : value));
}

constexpr std::int32_t kRoundingBias = 1 << (kResamplePrecisionBits - 1);

// Rows [row_begin, row_end) of `in` with x and y swapped (pixels move as
// 3-byte units), in cache-sized tiles.
RgbImage TransposeRows(const RgbImage& in, int row_begin, int row_end) {
  constexpr int kTile = 32;
  RgbImage out = RgbImage::Blank(row_end - row_begin, in.width);
  for (int y0 = row_begin; y0 < row_end; y0 += kTile) {
    const int y1 = std::min(y0 + kTile, row_end);
    for (int x0 = 0; x0 < in.width; x0 += kTile) {
      const int x1 = std::min(x0 + kTile, in.width);
      for (int y = y0; y < y1; ++y) {
        const std::uint8_t* source = in.Row(y);
        for (int x = x0; x < x1; ++x) std::memcpy(out.Row(x) + (y - row_begin) * 3, source + x * 3, 3);
      }
    }
  }
  return out;
}

// Resamples columns: output row y mixes input rows first[y] - row_offset
// onwards (count[y] of them). Integer sums cannot overflow (positive weights
// total under 1.25 * 2^22) and are exact, so accumulating a whole row tap by
// tap, which vectorises, gives Pillow's per-pixel result. An AVX2 clone is
// picked at run time where the CPU has it; all clones give the same bytes.
__attribute__((target_clones("avx2", "default"))) RgbImage ResampleColumns(const RgbImage& in,
                                                                           const AxisCoefficients& axis,
                                                                           int height, int row_offset) {
  RgbImage out = RgbImage::Blank(in.width, height);
  const std::size_t row_values = static_cast<std::size_t>(in.width) * 3;
  std::vector<std::int32_t> sums(row_values);
  for (int y = 0; y < height; ++y) {
    const std::int32_t* weights = &axis.weights[static_cast<std::size_t>(y) * axis.taps_per_output];
    std::fill(sums.begin(), sums.end(), kRoundingBias);
    for (int k = 0; k < axis.count[y]; ++k) {
      const std::uint8_t* source = in.Row(axis.first[y] - row_offset + k);
      const std::int32_t weight = weights[k];
      for (std::size_t i = 0; i < row_values; ++i) sums[i] += source[i] * weight;
    }
    std::uint8_t* target = out.Row(y);
    for (std::size_t i = 0; i < row_values; ++i) target[i] = Clip8(sums[i]);
  }
  return out;
}

RgbImage ResizePixels(const RgbImage& image, int width, int height) {
  const bool need_horizontal = width != image.width;
  const bool need_vertical = height != image.height;
  if (!need_horizontal && !need_vertical) return image;
  const AxisCoefficients vertical = ComputeBicubicCoefficients(image.height, height);
  if (!need_horizontal) return ResampleColumns(image, vertical, height, 0);
  const AxisCoefficients horizontal = ComputeBicubicCoefficients(image.width, width);
  // Only the source rows the vertical pass reads: Pillow's ybox_first/last.
  const int row_begin = vertical.first.front();
  const int row_end = vertical.first.back() + vertical.count.back();
  // The horizontal pass is the vertical one on the transposed image: same
  // integer sums per pixel, but contiguous (vectorisable) memory.
  RgbImage narrowed = TransposeRows(
      ResampleColumns(TransposeRows(image, row_begin, row_end), horizontal, width, 0), 0, width);
  if (!need_vertical) return narrowed;
  return ResampleColumns(narrowed, vertical, height, row_begin);
}

}  // namespace

RgbImage ResizeBicubic(const RgbImage& image, int width, int height) {
  assert(image.width > 0 && image.height > 0 && width > 0 && height > 0);
  RgbImage resized = ResizePixels(image, width, height);
  resized.truncated = image.truncated;
  return resized;
}

}  // namespace vleval::image
