#include "reports/number_format.h"

#include <charconv>
#include <cstdio>

namespace vleval {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string Signed(double value, int decimals) {
  std::string text = Fixed(value, decimals);
  if (text.front() != '-' && text.find_first_not_of("0.") != std::string::npos) text.insert(0, "+");
  return text;
}

std::string Shortest(double value) {
  char buffer[64];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

std::string PValueText(double p) {
  char buffer[32];
  if (p >= 0.001) {
    std::snprintf(buffer, sizeof buffer, "%.3f", p > 1 ? 1.0 : p);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1e", p);
  }
  return buffer;
}

}  // namespace vleval
