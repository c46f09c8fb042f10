#include "metrics/chair/punkt_sentence_splitter.h"

#include <algorithm>
#include <optional>

#include "metrics/chair/punkt_token.h"

namespace vleval::chair {
namespace {

// Python's `\s` for the byte at `pos`: the UTF-8 length of a whitespace code
// point there, or 0.
size_t SpaceLength(std::string_view text, size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F)) return 1;
  auto next = [&](size_t k) {
    return pos + k < text.size() ? static_cast<unsigned char>(text[pos + k]) : 0u;
  };
  if (c == 0xC2 && (next(1) == 0x85 || next(1) == 0xA0)) return 2;
  if (c == 0xE1 && next(1) == 0x9A && next(2) == 0x80) return 3;  // U+1680
  if (c == 0xE2 && next(1) == 0x80 &&
      (next(2) <= 0x8A || next(2) == 0xA8 || next(2) == 0xA9 || next(2) == 0xAF)) {
    return 3;  // U+2000..U+200A, U+2028, U+2029, U+202F
  }
  if (c == 0xE2 && next(1) == 0x81 && next(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && next(1) == 0x80 && next(2) == 0x80) return 3;  // U+3000
  return 0;
}

size_t CodePointLength(std::string_view text, size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - pos);
}

bool IsNonWordChar(char c) {  // _re_non_word_chars
  return std::string_view("?!)\";}]*:@'({[").find(c) != std::string_view::npos;
}

// Length of _re_multi_char_punct at `pos` ("--"+, ".."+, ". . ." style), or 0.
size_t MultiCharLength(std::string_view text, size_t pos) {
  const size_t n = text.size();
  for (char repeated : {'-', '.'}) {
    size_t end = pos;
    while (end < n && text[end] == repeated) ++end;
    if (end - pos >= 2) return end - pos;
  }
  // (?:\.\s){2,}\.  (one whitespace code point per step)
  size_t end = pos, pairs = 0, last_good = 0;
  while (end < n && text[end] == '.') {
    if (pairs >= 2) last_good = end + 1 - pos;
    const size_t space = end + 1 < n ? SpaceLength(text, end + 1) : 0;
    if (space == 0) break;
    end += 1 + space;
    ++pairs;
  }
  return last_good;
}

// The lookahead that ends a word token at `pos`.
bool EndsWord(std::string_view text, size_t pos) {
  if (pos >= text.size() || SpaceLength(text, pos) > 0) return true;
  if (IsNonWordChar(text[pos]) || MultiCharLength(text, pos) > 0) return true;
  if (text[pos] != ',') return false;
  const size_t next = pos + 1;
  return next >= text.size() || SpaceLength(text, next) > 0 || IsNonWordChar(text[next]) ||
         MultiCharLength(text, next) > 0;
}

bool CanStartWord(char c) {  // _re_word_start excludes these
  return std::string_view("(\"`{[:;&#*@)}]-,").find(c) == std::string_view::npos;
}

// One candidate boundary: the sentence-end character at `end_pos`, what
// follows it, and the start of the next token when whitespace follows.
struct PeriodContext {
  size_t word_start;  // start of the word the end character closes
  size_t end_pos;
  std::string_view after;            // after_tok
  std::optional<size_t> next_token;  // start of next_tok
};

// _period_context_re on the text: for each whitespace-delimited run, the last
// ".", "?" or "!" followed by a non-word character or by whitespace and a
// token (equal to both the nltk <= 3.6 regex and the later finditer walk).
std::vector<PeriodContext> PeriodContexts(std::string_view text) {
  std::vector<PeriodContext> contexts;
  size_t pos = 0;
  while (pos < text.size()) {
    if (size_t space = SpaceLength(text, pos); space > 0) {
      pos += space;
      continue;
    }
    const size_t run_start = pos;
    size_t run_end = pos;
    while (run_end < text.size() && SpaceLength(text, run_end) == 0) ++run_end;
    std::optional<PeriodContext> last;
    for (size_t i = run_start; i < run_end; ++i) {
      if (text[i] != '.' && text[i] != '?' && text[i] != '!') continue;
      if (i + 1 < run_end && IsNonWordChar(text[i + 1])) {
        last = PeriodContext{run_start, i, text.substr(i + 1, 1), std::nullopt};
      } else if (i + 1 == run_end && run_end < text.size()) {
        size_t token = run_end;
        while (token < text.size() && SpaceLength(text, token) > 0) {
          token += SpaceLength(text, token);
        }
        if (token >= text.size()) continue;
        size_t token_end = token;
        while (token_end < text.size() && SpaceLength(text, token_end) == 0) ++token_end;
        last = PeriodContext{run_start, i, text.substr(i + 1, token_end - i - 1), token};
      }
    }
    if (last) contexts.push_back(*last);
    pos = run_end;
  }
  return contexts;
}

// re_boundary_realignment at the start of `sentence`: closing quotes or
// brackets followed by whitespace, "--" or the end. Returns {kept, consumed}.
std::optional<std::pair<size_t, size_t>> RealignmentAt(std::string_view sentence) {
  auto closing = [](char c) { return std::string_view("\"')]}").find(c) != std::string_view::npos; };
  for (size_t k = 1; k <= sentence.size() && closing(sentence[k - 1]); ++k) {
    if (k < sentence.size() && SpaceLength(sentence, k) > 0) {
      size_t end = k;
      while (end < sentence.size() && SpaceLength(sentence, end) > 0) {
        end += SpaceLength(sentence, end);
      }
      return std::pair{k, end};
    }
    if (sentence.substr(k, 2) == "--" || k == sentence.size()) return std::pair{k, k};
  }
  return std::nullopt;
}

size_t RstripLength(std::string_view text) {
  size_t end = text.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (SpaceLength(text, start) != end - start) break;
    end = start;
  }
  return end;
}

}  // namespace

std::vector<std::string> PunktWordTokens(std::string_view line) {
  std::vector<std::string> tokens;
  size_t pos = 0;
  while (pos < line.size()) {
    if (size_t space = SpaceLength(line, pos); space > 0) {
      pos += space;
      continue;
    }
    size_t length = MultiCharLength(line, pos);
    if (length == 0 && CanStartWord(line[pos])) {
      size_t end = pos + CodePointLength(line, pos);
      while (!EndsWord(line, end)) end += CodePointLength(line, end);
      length = end - pos;
    }
    if (length == 0) length = CodePointLength(line, pos);
    tokens.emplace_back(line.substr(pos, length));
    pos += length;
  }
  return tokens;
}

bool ContainsSentenceBreak(std::string_view text, const PunktParameters& params) {
  std::vector<PunktToken> tokens = AnnotatedTokens(text, params);
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].sentbreak) return true;
  }
  return false;
}

std::vector<std::string> SplitSentences(std::string_view text, const PunktParameters& params) {
  // _slices_from_text
  std::vector<std::pair<size_t, size_t>> slices;
  size_t last_break = 0;
  for (const PeriodContext& context : PeriodContexts(text)) {
    std::string decision(text.substr(context.word_start, context.end_pos + 1 - context.word_start));
    decision += context.after;
    if (!ContainsSentenceBreak(decision, params)) continue;
    slices.emplace_back(last_break, context.end_pos + 1);
    last_break = context.next_token.value_or(context.end_pos + 1);
  }
  slices.emplace_back(last_break, RstripLength(text));

  // _realign_boundaries
  std::vector<std::string> sentences;
  size_t realign = 0;
  for (size_t i = 0; i < slices.size(); ++i) {
    const size_t start = slices[i].first + realign;
    const size_t stop = slices[i].second;
    if (i + 1 == slices.size()) {
      if (start < stop) sentences.emplace_back(text.substr(start, stop - start));
      continue;
    }
    const auto& next = slices[i + 1];
    auto realignment = RealignmentAt(text.substr(next.first, next.second - next.first));
    if (realignment) {
      sentences.emplace_back(text.substr(start, next.first + realignment->first - start));
      realign = realignment->second;
    } else {
      realign = 0;
      if (start < stop) sentences.emplace_back(text.substr(start, stop - start));
    }
  }
  return sentences;
}

}  // namespace vleval::chair
