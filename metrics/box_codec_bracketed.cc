#include "metrics/box_codec_bracketed.h"

#include <cstdlib>
#include <optional>
#include <string>

#include "core/json_file.h"

namespace vleval {
namespace {

// std::regex's `\s` in the C locale.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A hand-written matcher for the pattern of the header. Each piece of the
// pattern is deterministic (a greedy match is the only match), so matching at
// one position never backtracks, and an attempt starting at '[' stops at the
// next '[' at the latest: the search is linear in the output's length and
// uses constant stack, whatever the output.
class Scanner {
 public:
  Scanner(std::string_view text, std::size_t at) : text_(text), at_(at) {}

  bool Char(char wanted) {
    if (at_ >= text_.size() || text_[at_] != wanted) return false;
    ++at_;
    return true;
  }
  void Spaces() {
    while (at_ < text_.size() && IsSpace(text_[at_])) ++at_;
  }
  // `-?\d+(?:\.\d+)?`; its text, or nullopt.
  std::optional<std::string_view> Number() {
    const std::size_t start = at_;
    Char('-');
    if (!Digits()) return std::nullopt;
    if (at_ + 1 < text_.size() && text_[at_] == '.' && IsDigit(text_[at_ + 1])) {
      ++at_;
      Digits();
    }
    return text_.substr(start, at_ - start);
  }

 private:
  bool Digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && IsDigit(text_[at_])) ++at_;
    return at_ > start;
  }

  std::string_view text_;
  std::size_t at_;
};

// Python's float() of a decimal literal: correctly rounded, overflow to inf
// (never an exception, whatever the number of digits).
double ToDouble(std::string_view literal) { return std::strtod(std::string(literal).c_str(), nullptr); }

std::optional<std::array<double, 4>> MatchAt(std::string_view text, std::size_t at) {
  Scanner scan(text, at);
  if (!scan.Char('[')) return std::nullopt;
  std::array<double, 4> numbers{};
  for (std::size_t i = 0; i < 4; ++i) {
    scan.Spaces();
    const auto number = scan.Number();
    if (!number) return std::nullopt;
    numbers[i] = ToDouble(*number);
    if (i < 3 && !scan.Char(',')) return std::nullopt;
  }
  scan.Spaces();
  if (!scan.Char(']')) return std::nullopt;
  return numbers;
}

}  // namespace

Result<std::array<double, 4>> FindBracketedQuadruple(std::string_view output) {
  for (std::size_t at = output.find('['); at != std::string_view::npos; at = output.find('[', at + 1)) {
    if (auto numbers = MatchAt(output, at)) return *numbers;
  }
  return Error{"no [x1, y1, x2, y2] box in '" + TextPreview(output, 80) + "'"};
}

}  // namespace vleval
