#include "metrics/vqa_normalize.h"

#include <array>
#include <string>
#include <vector>

#include "metrics/python_text.h"
#include "metrics/vqa_contractions.h"

namespace vleval {
namespace {

constexpr std::array<char, 21> kPunctuation = {';',  '/', '[', ']', '"', '{', '}', '(', ')', '=', '+',
                                               '\\', '_', '-', '>', '<', '@', '`', ',', '?', '!'};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// re.search(r"(\d)(\,)(\d)", text) != None
bool HasDigitCommaDigit(std::string_view text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == ',' && IsDigit(text[i - 1]) && IsDigit(text[i + 1])) return true;
  }
  return false;
}

// The number-word map; other tokens map to themselves.
std::string_view NumberWordToDigit(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kNumbers = {{
      {"none", "0"},
      {"zero", "0"},
      {"one", "1"},
      {"two", "2"},
      {"three", "3"},
      {"four", "4"},
      {"five", "5"},
      {"six", "6"},
      {"seven", "7"},
      {"eight", "8"},
      {"nine", "9"},
      {"ten", "10"},
  }};
  for (const auto& [name, digit] : kNumbers) {
    if (word == name) return digit;
  }
  return word;
}

bool IsArticle(std::string_view word) { return word == "a" || word == "an" || word == "the"; }

}  // namespace

std::string VqaStripPeriods(std::string_view text, int max_deletions) {
  std::string out;
  out.reserve(text.size());
  int deleted = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool followed_by_digit = i + 1 < text.size() && IsDigit(text[i + 1]);
    if (text[i] == '.' && !followed_by_digit && deleted < max_deletions) {
      ++deleted;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string VqaProcessPunctuation(std::string_view text) {
  // The reference makes one replace() pass per character; replacing one of
  // them never creates another, so a single pass with per-character verdicts
  // (all tested on the original input) gives the same string.
  const bool digit_comma_digit = HasDigitCommaDigit(text);
  std::array<signed char, 256> action{};  // 0 keep, 1 delete, -1 replace by ' '
  for (char p : kPunctuation) {
    const std::string before_space{p, ' '};
    const std::string after_space{' ', p};
    const bool delete_it = digit_comma_digit || text.find(before_space) != std::string_view::npos ||
                           text.find(after_space) != std::string_view::npos;
    action[static_cast<unsigned char>(p)] = delete_it ? 1 : -1;
  }
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const signed char verdict = action[static_cast<unsigned char>(c)];
    if (verdict == 0) {
      out += c;
    } else if (verdict < 0) {
      out += ' ';
    }
  }
  return VqaStripPeriods(out);
}

std::string VqaProcessDigitArticle(std::string_view text) {
  return VqaProcessDigitArticle(text, VqaContractions());
}

std::string VqaProcessDigitArticle(std::string_view text, const ContractionTable& contractions) {
  std::vector<std::string> words;
  for (const std::string& token : PySplit(PyLower(text))) {
    const std::string_view word = NumberWordToDigit(token);
    if (IsArticle(word)) continue;
    const auto contraction = contractions.find(std::string(word));
    words.emplace_back(contraction == contractions.end() ? std::string(word) : contraction->second);
  }
  return PyJoin(words, " ");
}

std::string VqaNormalizeAnswer(std::string_view text) {
  return VqaProcessDigitArticle(VqaProcessPunctuation(text));
}

std::string VqaNormalizeAnswer(std::string_view text, const ContractionTable& contractions) {
  return VqaProcessDigitArticle(VqaProcessPunctuation(text), contractions);
}

}  // namespace vleval
