#include "metrics/chair/treebank_padding.h"

#include <vector>

namespace vleval::chair {
namespace {

bool IsRegexSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Length of the closing token at `at` (0 when none): one of ]})>"' (and a
// space and » ” ’ when `wide`). The tokens are prefix-free, so a run of them
// parses one way only.
std::size_t ClosingToken(std::string_view text, std::size_t at, bool wide) {
  const char c = text[at];
  if (c == ']' || c == ')' || c == '}' || c == '>' || c == '"' || c == '\'') return 1;
  if (!wide) return 0;
  if (c == ' ') return 1;
  if (StartsWith(text, at, "\xC2\xBB")) return 2;
  if (StartsWith(text, at, "\xE2\x80\x9D") || StartsWith(text, at, "\xE2\x80\x99")) return 3;
  return 0;
}

// `([^\.])(\.)(CLOSING*)\s*$` replaced by "$1 $2" + gap + "$3 ". The match
// ends at the end of the text, so there is at most one: at the leftmost p
// with text[p] != '.', text[p + 1] == '.' and text[p + 2, w) made of closing
// tokens, w being where the trailing whitespace starts. The greedy group 3
// then also takes the spaces that begin the trailing whitespace (when a space
// is a closing token), and the rest of the whitespace is dropped.
std::string PadFinal(std::string_view text, bool wide, std::string_view gap) {
  std::size_t w = text.size();
  while (w > 0 && IsRegexSpace(text[w - 1])) --w;
  // closes[r]: text[r, w) is a run of closing tokens.
  std::vector<char> closes(w + 1, 0);
  closes[w] = 1;
  for (std::size_t r = w; r-- > 0;) {
    const std::size_t length = ClosingToken(text, r, wide);
    closes[r] = length > 0 && r + length <= w && closes[r + length];
  }
  for (std::size_t p = 0; p + 2 <= w; ++p) {
    if (text[p] == '.' || text[p + 1] != '.' || !closes[p + 2]) continue;
    std::size_t q = w;
    while (wide && q < text.size() && text[q] == ' ') ++q;
    std::string out(text.substr(0, p + 1));
    out += " .";
    out += gap;
    out += text.substr(p + 2, q - (p + 2));
    out += ' ';
    return out;
  }
  return std::string(text);
}

}  // namespace

std::string PadStartingQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    if (StartsWith(text, i, "\xC2\xAB")) {
      length = 2;
    } else if (StartsWith(text, i, "\xE2\x80\x9C") || StartsWith(text, i, "\xE2\x80\x98") ||
               StartsWith(text, i, "\xE2\x80\x9E")) {
      length = 3;
    } else {
      while (i + length < text.size() && text[i + length] == '`') ++length;
    }
    if (length == 0) {
      out += text[i++];
      continue;
    }
    out += ' ';
    out += text.substr(i, length);
    out += ' ';
    i += length;
  }
  return out;
}

std::string PadEllipsis(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t run = 0;
    while (i + run < text.size() && text[i + run] == '.') ++run;
    if (run >= 2) {
      out += ' ';
      out += text.substr(i, run);
      out += ' ';
      i += run;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string PadFinalPeriodBeforeQuotes(std::string_view text) { return PadFinal(text, /*wide=*/true, " "); }

std::string PadFinalPeriod(std::string_view text) { return PadFinal(text, /*wide=*/false, ""); }

}  // namespace vleval::chair
