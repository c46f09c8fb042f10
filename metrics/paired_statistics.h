// Statistics for comparing two runs on the same samples (`vleval compare`):
// a seeded paired bootstrap confidence interval of the difference in mean
// per-sample score, and the exact McNemar test on paired binary outcomes.
// Pure functions; the bootstrap is bit-reproducible for a given seed on any
// platform (own generator and index sampling, no std::uniform_*).
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"

namespace vleval {

struct BootstrapOptions {
  int resamples = 1000;      // number of bootstrap replicates, >= 1
  uint64_t seed = 0;         // std::mt19937_64 seed
  double confidence = 0.95;  // two-sided level in (0, 1)
};

struct BootstrapInterval {
  double mean_difference = 0;  // mean(b) - mean(a) on the full sample
  double low = 0, high = 0;    // percentile interval (numpy 'linear' quantiles)
};

// Resamples sample indices with replacement, the same indices for both
// runs. Errors: size mismatch, no samples, bad options.
Result<BootstrapInterval> PairedBootstrap(const std::vector<double>& scores_a,
                                          const std::vector<double>& scores_b,
                                          const BootstrapOptions& options = {});

struct McNemarResult {
  int64_t only_a = 0;  // samples right in run A and wrong in run B
  int64_t only_b = 0;  // samples wrong in A and right in B
  double p_value = 1;  // two-sided exact binomial p (1 when no discordant pair)
};

// Exact McNemar: p = min(1, 2 * P[Binomial(only_a + only_b, 1/2) <=
// min(only_a, only_b)]). Errors: size mismatch.
Result<McNemarResult> ExactMcNemar(const std::vector<bool>& correct_a, const std::vector<bool>& correct_b);

}  // namespace vleval
