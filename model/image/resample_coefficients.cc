#include "model/image/resample_coefficients.h"

#include <cmath>

namespace vleval::image {

double BicubicKernel(double x) {
  constexpr double a = -0.5;
  if (x < 0.0) x = -x;
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

AxisCoefficients ComputeBicubicCoefficients(int in_size, int out_size) {
  constexpr double kSupport = 2.0;
  // Pillow keeps the box edges as float; for the full box they are exact.
  const float box_start = 0.0f;
  const float box_end = static_cast<float>(in_size);
  const double scale = static_cast<double>(box_end - box_start) / out_size;
  const double filter_scale = scale < 1.0 ? 1.0 : scale;
  const double support = kSupport * filter_scale;
  AxisCoefficients axis;
  axis.taps_per_output = static_cast<int>(std::ceil(support)) * 2 + 1;
  axis.first.resize(out_size);
  axis.count.resize(out_size);
  axis.weights.assign(static_cast<std::size_t>(out_size) * axis.taps_per_output, 0);
  std::vector<double> taps(axis.taps_per_output);
  const double inverse_filter_scale = 1.0 / filter_scale;
  for (int out = 0; out < out_size; ++out) {
    const double center = box_start + (out + 0.5) * scale;
    // Pillow truncates (x + 0.5) toward zero here; lround would differ for
    // negative x, so the cast is kept on purpose.
    int first = static_cast<int>(center - support + 0.5);  // NOLINT(bugprone-incorrect-roundings)
    if (first < 0) first = 0;
    int last = static_cast<int>(center + support + 0.5);  // NOLINT(bugprone-incorrect-roundings)
    if (last > in_size) last = in_size;
    const int count = last - first;
    double sum = 0.0;
    for (int k = 0; k < count; ++k) {
      taps[k] = BicubicKernel((k + first - center + 0.5) * inverse_filter_scale);
      sum += taps[k];
    }
    std::int32_t* weights = &axis.weights[static_cast<std::size_t>(out) * axis.taps_per_output];
    for (int k = 0; k < count; ++k) {
      const double normalised = sum != 0.0 ? taps[k] / sum : taps[k];
      const double fixed = normalised * (1 << kResamplePrecisionBits);
      weights[k] = static_cast<std::int32_t>(normalised < 0 ? -0.5 + fixed : 0.5 + fixed);
    }
    axis.first[out] = first;
    axis.count[out] = count;
  }
  return axis;
}

}  // namespace vleval::image
