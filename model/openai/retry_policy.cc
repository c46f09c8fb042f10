#include "model/openai/retry_policy.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <ctime>
#include <string>

namespace vleval::openai {

AttemptVerdict Classify(long status) {
  if (status >= 200 && status < 300) return AttemptVerdict::kSuccess;
  if (status == 0 || status == 429 || status >= 500) return AttemptVerdict::kRetry;
  return AttemptVerdict::kFinal;
}

namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

// IMF-fixdate only ("Sun, 06 Nov 1994 08:49:37 GMT"), the form RFC 9110
// requires senders to use.
std::optional<std::time_t> ParseHttpDate(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() != 29 || text[3] != ',' || text.substr(26) != "GMT") return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const char* begin = text.data() + at;
    auto [end, error] = std::from_chars(begin, begin + length, value);
    if (error != std::errc() || end != begin + length) return std::nullopt;
    return value;
  };
  const auto day = number(5, 2), year = number(12, 4), hour = number(17, 2), minute = number(20, 2),
             second = number(23, 2);
  const auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
  if (!day || !year || !hour || !minute || !second || month == kMonths.end()) return std::nullopt;
  std::tm tm{};
  tm.tm_mday = *day;
  tm.tm_mon = static_cast<int>(month - kMonths.begin());
  tm.tm_year = *year - 1900;
  tm.tm_hour = *hour;
  tm.tm_min = *minute;
  tm.tm_sec = *second;
  return timegm(&tm);
}

}  // namespace

std::optional<double> ParseRetryAfter(std::string_view value, std::chrono::system_clock::time_point now) {
  value = Trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return 1e9;  // absurdly long: capped by the policy anyway
    int seconds = 0;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return seconds;
  }
  const auto date = ParseHttpDate(value);
  if (!date) return std::nullopt;
  const double delta = std::difftime(*date, std::chrono::system_clock::to_time_t(now));
  return std::max(0.0, delta);
}

double RetryDelay(const RetryPolicy& policy, int attempt, std::optional<double> retry_after,
                  std::mt19937_64& rng) {
  if (retry_after) return std::min(*retry_after, policy.max_retry_after_s);
  const double ceiling =
      std::min(policy.max_delay_s, policy.base_delay_s * std::ldexp(1.0, std::clamp(attempt - 1, 0, 62)));
  return std::uniform_real_distribution<double>(0.0, ceiling)(rng);
}

}  // namespace vleval::openai
