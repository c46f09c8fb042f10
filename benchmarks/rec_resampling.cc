#include "benchmarks/rec_resampling.h"

#include <cstdio>

namespace vleval {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsPythonSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); }

std::string Strip(std::string_view text, bool left) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (left && begin < end && IsPythonSpace(text[begin])) ++begin;
  while (end > begin && IsPythonSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

bool RecOutputIsWellFormed(std::string_view cleaned) {
  std::size_t pos = 0;
  auto expect = [&](char c) {
    if (pos >= cleaned.size() || cleaned[pos] != c) return false;
    ++pos;
    return true;
  };
  if (!expect('{')) return false;
  for (int value = 0; value < 4; ++value) {
    if (!expect('<')) return false;
    std::size_t digits = 0;
    while (pos < cleaned.size() && IsDigit(cleaned[pos]) && digits < 4) ++pos, ++digits;
    if (digits < 1 || digits > 3 || !expect('>')) return false;
  }
  return expect('}');
}

std::string PythonStrRepr(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char buffer[5];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

Result<RecResampler> RecResampler::Create(const PromptTemplate& prompt, const IdentifierChoice& identifier) {
  auto text = RenderTaskText(prompt, identifier, {{"sent", ""}});
  if (!text) return text.error();
  RecResampler resampler;
  resampler.prefix_ = Strip(*text, false);
  return resampler;
}

std::string RecResampler::NextSent(const std::string& previous_task_text) const {
  // str.replace(prefix, ""): one left-to-right pass over the original text.
  std::string rest;
  std::size_t from = 0;
  for (auto pos = previous_task_text.find(prefix_); !prefix_.empty() && pos != std::string::npos;
       pos = previous_task_text.find(prefix_, from)) {
    rest += previous_task_text.substr(from, pos - from);
    from = pos + prefix_.size();
  }
  rest += previous_task_text.substr(from);
  return "[" + PythonStrRepr(Strip(rest, true)) + "]";
}

}  // namespace vleval
