#include "metrics/chair/punkt_token.h"

#include <cctype>

#include "metrics/chair/punkt_sentence_splitter.h"
#include "metrics/python_text.h"

namespace vleval::chair {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A "letter" for [^\W\d]: ASCII letters, "_", and any non-ASCII byte.
bool IsLetterByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}

// _RE_NUMERIC: ^-?[\.,]?\d[\d,\.-]*\.?$
bool IsNumeric(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && (t[i] == '.' || t[i] == ',')) ++i;
  if (i >= t.size() || !IsAsciiDigit(t[i])) return false;
  for (++i; i < t.size(); ++i) {
    const char c = t[i];
    if (!IsAsciiDigit(c) && c != ',' && c != '.' && c != '-') return false;
  }
  return true;  // the optional final "\." is covered by the class above
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

PunktToken MakeToken(std::string tok) {
  PunktToken token;
  token.type = AsciiLower(tok);
  if (IsNumeric(token.type)) token.type = "##number##";
  token.period_final = tok.ends_with('.');
  token.tok = std::move(tok);
  return token;
}

// _first_pass_annotation
void FirstPass(PunktToken& token, const PunktParameters& params) {
  const std::string& tok = token.tok;
  if (tok == "." || tok == "?" || tok == "!") {
    token.sentbreak = true;
  } else if (tok.size() >= 2 && tok.find_first_not_of('.') == std::string::npos) {
    token.ellipsis = true;
  } else if (token.period_final && !tok.ends_with("..")) {
    const std::string stem = AsciiLower(std::string_view(tok).substr(0, tok.size() - 1));
    const std::string last_part = stem.substr(stem.rfind('-') == std::string::npos ? 0 : stem.rfind('-') + 1);
    if (params.abbrev_types.count(stem) || params.abbrev_types.count(last_part)) {
      token.abbr = true;
    } else {
      token.sentbreak = true;
    }
  }
}

enum class Starter { kYes, kNo, kUnknown };

// _ortho_heuristic
Starter OrthoHeuristic(const PunktToken& token, const PunktParameters& params) {
  if (token.tok.size() == 1 && std::string_view(";:,.!?").find(token.tok[0]) != std::string_view::npos) {
    return Starter::kNo;
  }
  const int ortho = params.OrthoContext(token.TypeNoSentPeriod());
  if (token.FirstUpper() && (ortho & kOrthoLc) && !(ortho & kOrthoMidUc)) return Starter::kYes;
  if (token.FirstLower() && ((ortho & kOrthoUc) || !(ortho & kOrthoBegLc))) return Starter::kNo;
  return Starter::kUnknown;
}

// _second_pass_annotation
void SecondPass(PunktToken& token, const PunktToken& next, const PunktParameters& params) {
  if (!token.period_final) return;
  const std::string type = token.TypeNoPeriod();
  const std::string next_type = next.TypeNoSentPeriod();
  const bool initial = token.IsInitial();
  if (params.collocations.count({type, next_type})) {
    token.sentbreak = false;
    token.abbr = true;
    return;
  }
  if ((token.abbr || token.ellipsis) && !initial) {
    if (OrthoHeuristic(next, params) == Starter::kYes) {
      token.sentbreak = true;
      return;
    }
    if (next.FirstUpper() && params.sent_starters.count(next_type)) {
      token.sentbreak = true;
      return;
    }
  }
  if (initial || type == "##number##") {
    const Starter starter = OrthoHeuristic(next, params);
    if (starter == Starter::kNo) {
      token.sentbreak = false;
      token.abbr = true;
      return;
    }
    if (starter == Starter::kUnknown && initial && next.FirstUpper() &&
        !(params.OrthoContext(next_type) & kOrthoLc)) {
      token.sentbreak = false;
      token.abbr = true;
    }
  }
}

}  // namespace

std::string PunktToken::TypeNoPeriod() const {
  if (type.size() > 1 && type.back() == '.') return type.substr(0, type.size() - 1);
  return type;
}

std::string PunktToken::TypeNoSentPeriod() const { return sentbreak ? TypeNoPeriod() : type; }

bool PunktToken::FirstUpper() const { return !tok.empty() && tok[0] >= 'A' && tok[0] <= 'Z'; }

bool PunktToken::FirstLower() const { return !tok.empty() && tok[0] >= 'a' && tok[0] <= 'z'; }

bool PunktToken::IsInitial() const {
  if (tok.size() < 2 || tok.back() != '.' || IsAsciiDigit(tok[0]) || !IsLetterByte(tok[0])) {
    return false;
  }
  // One code point, then the period.
  const auto lead = static_cast<unsigned char>(tok[0]);
  const size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  return tok.size() == length + 1;
}

std::vector<PunktToken> AnnotatedTokens(std::string_view text, const PunktParameters& params) {
  std::vector<PunktToken> tokens;
  while (true) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!PyStrip(line).empty()) {
      for (std::string& tok : PunktWordTokens(line)) tokens.push_back(MakeToken(std::move(tok)));
    }
    if (end == std::string_view::npos) break;
    text = text.substr(end + 1);
  }
  for (PunktToken& token : tokens) FirstPass(token, params);
  for (size_t i = 0; i + 1 < tokens.size(); ++i) SecondPass(tokens[i], tokens[i + 1], params);
  return tokens;
}

}  // namespace vleval::chair
