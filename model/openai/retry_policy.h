// When a failed HTTP attempt is tried again, and after how long: connection
// errors (refused, reset, timed out), 429 and 5xx are transient and retried
// with exponential backoff and full jitter, a 429's or 503's Retry-After
// taking precedence; every other status outside 2xx is final.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

namespace vleval::openai {

struct RetryPolicy {
  int max_attempts = 6;            // attempts per request, the first included
  double base_delay_s = 0.5;       // backoff before the second attempt (before jitter)
  double max_delay_s = 30;         // cap of the exponential backoff
  double max_retry_after_s = 300;  // a longer Retry-After is cut to this
};

enum class AttemptVerdict { kSuccess, kRetry, kFinal };

// `status`: the HTTP status, or 0 when the attempt got no response
// (connection refused or reset, timed out).
AttemptVerdict Classify(long status);

// Seconds a Retry-After header value asks for: delta-seconds ("120") or an
// HTTP-date (RFC 9110: "Sun, 06 Nov 1994 08:49:37 GMT"), relative to `now`
// (a past date gives 0). nullopt when the value is neither.
std::optional<double> ParseRetryAfter(std::string_view value, std::chrono::system_clock::time_point now);

// The wait before attempt `attempt + 1` (attempt >= 1 failed attempts so
// far): Retry-After when the server gave one (capped by
// max_retry_after_s), else uniform in [0, min(max_delay_s, base_delay_s *
// 2^(attempt-1))] ("full jitter").
double RetryDelay(const RetryPolicy& policy, int attempt, std::optional<double> retry_after,
                  std::mt19937_64& rng);

}  // namespace vleval::openai
