// Floating-point arithmetic exactly as the reference Python/numpy scorers do
// it (../shared/spec/scoring.md §0.1): the last bits of a reported score
// depend on summation order and rounding, so each reference formula is kept
// as written. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace vleval {

// CPython <= 3.11 built-in sum() over floats: plain left-to-right IEEE
// additions starting from 0.
double PythonSum(const std::vector<double>& values);

// Python 3 round(x, digits): the exact binary value rounded half-to-even to
// `digits` decimals, returned as the nearest double. digits in [0, 15].
double PythonRound(double x, int digits);

// numpy's pairwise sum of float64 (np.add.reduce on a contiguous array):
// identity 0.0 + pairwise(values) with 8 accumulators and a block of 128.
double NumpyPairwiseSum(const std::vector<double>& values);

// np.average(values) = NumpyPairwiseSum(values) / n. Precondition: n > 0.
double NumpyMean(const std::vector<double>& values);

// The percentages of the reference scripts, which differ in the last bit:
// VQA official writes 100*sum/n, MiniGPT-v2 writes count/total*100.
inline double HundredTimesSumOverN(double sum, size_t n) { return 100.0 * sum / static_cast<double>(n); }
inline double RatioTimesHundred(double count, size_t n) { return count / static_cast<double>(n) * 100.0; }

}  // namespace vleval
