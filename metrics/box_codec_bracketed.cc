#include "metrics/box_codec_bracketed.h"

#include <regex>
#include <string>

namespace vleval {

Result<std::array<double, 4>> FindBracketedQuadruple(std::string_view output) {
  static const std::regex kQuadruple(
      R"(\[\s*(-?[0-9]+(?:\.[0-9]+)?),\s*(-?[0-9]+(?:\.[0-9]+)?),\s*(-?[0-9]+(?:\.[0-9]+)?),)"
      R"(\s*(-?[0-9]+(?:\.[0-9]+)?)\s*\])");
  const std::string text(output);
  std::smatch match;
  if (!std::regex_search(text, match, kQuadruple)) {
    return Error{"no [x1, y1, x2, y2] box in '" + text + "'"};
  }
  std::array<double, 4> numbers{};
  for (size_t i = 0; i < 4; ++i) numbers[i] = std::stod(match[i + 1].str());
  return numbers;
}

}  // namespace vleval
