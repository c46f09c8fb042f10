#include "model/openai/retry_policy.h"

#include <gtest/gtest.h>

namespace vleval::openai {
namespace {

TEST(OpenAiRetryPolicy, RetriesConnectionErrors429And5xxOnly) {
  EXPECT_EQ(Classify(200), AttemptVerdict::kSuccess);
  EXPECT_EQ(Classify(0), AttemptVerdict::kRetry);
  EXPECT_EQ(Classify(429), AttemptVerdict::kRetry);
  EXPECT_EQ(Classify(500), AttemptVerdict::kRetry);
  EXPECT_EQ(Classify(503), AttemptVerdict::kRetry);
  EXPECT_EQ(Classify(400), AttemptVerdict::kFinal);
  EXPECT_EQ(Classify(401), AttemptVerdict::kFinal);
  EXPECT_EQ(Classify(404), AttemptVerdict::kFinal);
}

TEST(OpenAiRetryPolicy, ReadsRetryAfterAsSecondsOrHttpDate) {
  const auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(ParseRetryAfter(" 120\r\n", now), 120.0);
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now), 10.0);
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:00 GMT", now), 0.0);
  EXPECT_FALSE(ParseRetryAfter("soon", now));
  EXPECT_FALSE(ParseRetryAfter("-3", now));
  EXPECT_FALSE(ParseRetryAfter("", now));
}

TEST(OpenAiRetryPolicy, BacksOffExponentiallyWithJitterUnderTheCap) {
  RetryPolicy policy;
  policy.base_delay_s = 0.5;
  policy.max_delay_s = 4;
  std::mt19937_64 rng(1);
  double largest_first = 0, largest_late = 0;
  for (int i = 0; i < 200; ++i) {
    const double first = RetryDelay(policy, 1, std::nullopt, rng);
    const double late = RetryDelay(policy, 10, std::nullopt, rng);
    EXPECT_GE(first, 0);
    EXPECT_LE(first, 0.5);
    EXPECT_LE(late, 4);
    largest_first = std::max(largest_first, first);
    largest_late = std::max(largest_late, late);
  }
  EXPECT_GT(largest_first, 0.4);  // jitter spreads over the whole range
  EXPECT_GT(largest_late, 3.0);
}

TEST(OpenAiRetryPolicy, RetryAfterWinsOverBackoffAndIsCapped) {
  RetryPolicy policy;
  policy.max_retry_after_s = 60;
  std::mt19937_64 rng(1);
  EXPECT_EQ(RetryDelay(policy, 1, 7.0, rng), 7.0);
  EXPECT_EQ(RetryDelay(policy, 1, 1e9, rng), 60.0);
}

}  // namespace
}  // namespace vleval::openai
