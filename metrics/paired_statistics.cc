#include "metrics/paired_statistics.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace vleval {
namespace {

std::string SizeMismatch(size_t a, size_t b) {
  return "paired statistics: run A has " + std::to_string(a) + " samples, run B " + std::to_string(b);
}

// Uniform index in [0, n) by rejection, identical on every platform.
size_t UniformIndex(std::mt19937_64& rng, uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t draw;
  do {
    draw = rng();
  } while (draw >= limit);
  return static_cast<size_t>(draw % n);
}

// numpy.quantile(sorted, q) with the default 'linear' method.
double LinearQuantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

double Mean(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

Result<BootstrapInterval> PairedBootstrap(const std::vector<double>& scores_a,
                                          const std::vector<double>& scores_b,
                                          const BootstrapOptions& options) {
  if (scores_a.size() != scores_b.size()) return Error{SizeMismatch(scores_a.size(), scores_b.size())};
  if (scores_a.empty()) return Error{"paired bootstrap: no samples"};
  if (options.resamples < 1 || !(options.confidence > 0 && options.confidence < 1)) {
    return Error{"paired bootstrap: resamples must be >= 1 and confidence in (0, 1)"};
  }
  const size_t n = scores_a.size();
  std::vector<double> differences(n);
  for (size_t i = 0; i < n; ++i) differences[i] = scores_b[i] - scores_a[i];

  std::mt19937_64 rng(options.seed);
  std::vector<double> replicates;
  replicates.reserve(options.resamples);
  for (int r = 0; r < options.resamples; ++r) {
    double sum = 0;
    for (size_t k = 0; k < n; ++k) sum += differences[UniformIndex(rng, n)];
    replicates.push_back(sum / static_cast<double>(n));
  }
  std::sort(replicates.begin(), replicates.end());
  const double tail = (1 - options.confidence) / 2;
  return BootstrapInterval{Mean(differences), LinearQuantile(replicates, tail),
                           LinearQuantile(replicates, 1 - tail)};
}

Result<McNemarResult> ExactMcNemar(const std::vector<bool>& correct_a, const std::vector<bool>& correct_b) {
  if (correct_a.size() != correct_b.size()) {
    return Error{SizeMismatch(correct_a.size(), correct_b.size())};
  }
  McNemarResult result;
  for (size_t i = 0; i < correct_a.size(); ++i) {
    result.only_a += correct_a[i] && !correct_b[i];
    result.only_b += !correct_a[i] && correct_b[i];
  }
  const int64_t n = result.only_a + result.only_b;
  const int64_t k = std::min(result.only_a, result.only_b);
  if (n == 0) return result;
  // P[X <= k] for X ~ Binomial(n, 1/2), summed in log space for large n.
  const double log_half_n = -static_cast<double>(n) * std::log(2.0);
  const double log_n_fact = std::lgamma(static_cast<double>(n) + 1);
  double tail = 0;
  for (int64_t j = 0; j <= k; ++j) {
    tail += std::exp(log_n_fact - std::lgamma(static_cast<double>(j) + 1) -
                     std::lgamma(static_cast<double>(n - j) + 1) + log_half_n);
  }
  result.p_value = std::min(1.0, 2 * tail);
  return result;
}

}  // namespace vleval
