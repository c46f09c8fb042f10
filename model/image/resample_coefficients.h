// Filter weights of Pillow's bicubic resampling along one axis
// (model/image/, spec model_and_preprocessing.md §4.3): the a = -0.5 cubic,
// support widened by the scale factor when shrinking, weights normalised in
// double and then rounded to 22-bit fixed point, half away from zero.
//
// Values match Pillow's precompute_coeffs + normalize_coeffs_8bpc exactly
// (same formulas, same double operations in the same order; the library is
// compiled with -ffp-contract=off so no fused multiply-add changes a bit).
#pragma once

#include <cstdint>
#include <vector>

namespace vleval::image {

// Fixed-point scale of the integer weights: 32 - 8 - 2 bits.
inline constexpr int kResamplePrecisionBits = 22;

// Pillow's BICUBIC kernel, a = -0.5, support 2.
double BicubicKernel(double x);

// Weights of one axis, resizing `in_size` samples to `out_size` over the full
// extent (Pillow's default box 0..in_size). For output index i the taps are
// input indices first[i] .. first[i] + count[i] - 1 with integer weights
// weights[i * taps_per_output + k]; unused tail weights are 0.
struct AxisCoefficients {
  int taps_per_output = 0;  // Pillow's ksize: ceil(support) * 2 + 1
  std::vector<int> first;
  std::vector<int> count;
  std::vector<std::int32_t> weights;
};

// Preconditions: in_size >= 1, out_size >= 1 (checked by the caller).
AxisCoefficients ComputeBicubicCoefficients(int in_size, int out_size);

}  // namespace vleval::image
