#include "metrics/python_numeric.h"

#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace vleval {
namespace {

// numpy's pairwise_sum (loops_utils.h.src) over values[0, n) with unit stride.
double PairwiseSum(const double* a, size_t n) {
  constexpr size_t kBlock = 128;
  if (n < 8) {
    double res = -0.0;
    for (size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= kBlock) {
    double r[8];
    for (size_t j = 0; j < 8; ++j) r[j] = a[j];
    size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return PairwiseSum(a, n2) + PairwiseSum(a + n2, n - n2);
}

}  // namespace

double PythonSum(const std::vector<double>& values) {
  double total = 0.0;
  for (double v : values) total += v;
  return total;
}

double PythonRound(double x, int digits) {
  assert(digits >= 0 && digits <= 15);
  // Beyond 2^53 every double is an integer: Python returns it unchanged.
  if (!std::isfinite(x) || std::fabs(x) >= 9007199254740992.0) return x;
  // glibc printf rounds the exact binary value half-to-even, as CPython's
  // round() does through its correctly rounded dtoa; strtod reads it back.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return std::strtod(buffer, nullptr);
}

double NumpyPairwiseSum(const std::vector<double>& values) {
  return 0.0 + PairwiseSum(values.data(), values.size());
}

double NumpyMean(const std::vector<double>& values) {
  assert(!values.empty());
  return NumpyPairwiseSum(values) / static_cast<double>(values.size());
}

}  // namespace vleval
