#include "metrics/python_text.h"

namespace vleval {
namespace {

struct CodePoint {
  char32_t value;
  size_t length;  // bytes consumed
  bool valid;
};

// Decodes one UTF-8 sequence at `pos`; a malformed byte decodes as itself.
CodePoint DecodeAt(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || pos + length > text.size()) return {lead, 1, false};
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if ((byte & 0xC0) != 0x80) return {lead, 1, false};
    value = (value << 6) | (byte & 0x3F);
  }
  return {value, length, true};
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// str.isspace for one code point.
bool IsPySpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// One-to-one lower-case mapping for the covered blocks; 0 = unchanged.
char32_t SimpleLower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return 0;
  if (cp <= 0xDE) return cp == 0xD7 ? 0 : cp + 32;
  if (cp >= 0x100 && cp <= 0x137 && cp != 0x130) return cp % 2 == 0 ? cp + 1 : 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1 ? cp + 1 : 0;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0 ? cp + 1 : 0;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1 ? cp + 1 : 0;
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 37;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 63;
  if (cp >= 0x391 && cp <= 0x3A9) return cp == 0x3A2 ? 0 : cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp == 0x2126) return 0x3C9;
  if (cp == 0x212A) return 'k';
  if (cp == 0x212B) return 0xE5;
  return 0;
}

// Byte length of the whitespace code point at `pos`, or 0.
size_t SpaceLengthAt(std::string_view text, size_t pos) {
  const CodePoint cp = DecodeAt(text, pos);
  return cp.valid && IsPySpace(cp.value) ? cp.length : 0;
}

}  // namespace

std::string PyStrip(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t n = SpaceLengthAt(text, begin);
    if (n == 0) break;
    begin += n;
  }
  size_t end = begin;  // end of the last non-space code point
  for (size_t pos = begin; pos < text.size();) {
    const CodePoint cp = DecodeAt(text, pos);
    pos += cp.length;
    if (!(cp.valid && IsPySpace(cp.value))) end = pos;
  }
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> PySplit(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  bool in_token = false;
  for (size_t pos = 0; pos < text.size();) {
    const CodePoint cp = DecodeAt(text, pos);
    if (cp.valid && IsPySpace(cp.value)) {
      if (in_token) tokens.push_back(std::move(current));
      current.clear();
      in_token = false;
    } else {
      current.append(text.substr(pos, cp.length));
      in_token = true;
    }
    pos += cp.length;
  }
  if (in_token) tokens.push_back(std::move(current));
  return tokens;
}

std::vector<std::string> PySplitOn(std::string_view text, std::string_view separator) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t hit; (hit = text.find(separator, start)) != std::string_view::npos;
       start = hit + separator.size()) {
    pieces.emplace_back(text.substr(start, hit - start));
  }
  pieces.emplace_back(text.substr(start));
  return pieces;
}

std::string PyLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const CodePoint cp = DecodeAt(text, pos);
    if (cp.valid && cp.value == 0x130) {  // İ lower-cases to "i" + combining dot
      out += 'i';
      AppendUtf8(0x307, out);
    } else if (const char32_t lower = cp.valid ? SimpleLower(cp.value) : 0; lower != 0) {
      AppendUtf8(lower, out);
    } else {
      out.append(text.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

std::string PyReplace(std::string_view text, std::string_view from, std::string_view to) {
  return PyJoin(PySplitOn(text, from), to);
}

std::string PyRstripChars(std::string_view text, std::string_view chars) {
  const size_t end = text.find_last_not_of(chars);
  return std::string(end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1));
}

std::string PyJoin(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(separator);
    out += parts[i];
  }
  return out;
}

}  // namespace vleval
