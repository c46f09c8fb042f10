#include "benchmarks/answer_cleanup.h"

#include <array>
#include <utility>

namespace vleval {
namespace {

constexpr std::array<std::pair<AnswerCleanup, std::string_view>, 4> kNames = {{
    {AnswerCleanup::kLowerDropUnkStrip, "lower_drop_unk_strip"},
    {AnswerCleanup::kDropUnkStrip, "drop_unk_strip"},
    {AnswerCleanup::kLowerStrip, "lower_strip"},
    {AnswerCleanup::kRecCompact, "rec_compact"},
}};

bool IsPythonSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f';
}

// Python's str.replace: one pass, linear in the text's length.
std::string ReplaceAll(const std::string& text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, start)) {
    out.append(text, start, pos - start);
    out.append(to);
    start = pos + from.size();
  }
  out.append(text, start, std::string::npos);
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string Strip(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && IsPythonSpace(text[begin])) ++begin;
  while (end > begin && IsPythonSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

}  // namespace

std::string_view AnswerCleanupName(AnswerCleanup cleanup) {
  for (const auto& [kind, name] : kNames) {
    if (kind == cleanup) return name;
  }
  return "drop_unk_strip";
}

std::string CleanAnswer(AnswerCleanup cleanup, std::string_view raw) {
  std::string text(raw);
  switch (cleanup) {
    case AnswerCleanup::kLowerDropUnkStrip:
      return Strip(ReplaceAll(Lower(text), "<unk>", ""));
    case AnswerCleanup::kDropUnkStrip:
      return Strip(ReplaceAll(text, "<unk>", ""));
    case AnswerCleanup::kLowerStrip:
      return Strip(Lower(text));
    case AnswerCleanup::kRecCompact:
      return Strip(ReplaceAll(ReplaceAll(text, "<unk>", ""), " ", ""));
  }
  return text;
}

}  // namespace vleval
