// punkt's annotated tokens (nltk.tokenize.punkt.PunktToken) and the two
// annotation passes that decide, token by token, where sentences break. Used
// by punkt_sentence_splitter to decide each candidate boundary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/chair/punkt_parameters.h"

namespace vleval::chair {

struct PunktToken {
  std::string tok;   // the token text
  std::string type;  // lower-cased, numbers replaced by "##number##"
  bool period_final = false;
  bool sentbreak = false;
  bool abbr = false;
  bool ellipsis = false;

  // `type` without its final period (when longer than one character).
  std::string TypeNoPeriod() const;
  // TypeNoPeriod() when this token is a sentence break, else `type`.
  std::string TypeNoSentPeriod() const;
  bool FirstUpper() const;  // ASCII A-Z only (see the splitter's notes)
  bool FirstLower() const;  // ASCII a-z only
  bool IsInitial() const;   // one letter followed by "."
};

// The tokens of `text` (split into lines; blank lines skipped) after punkt's
// first and second annotation passes. Pure and thread-safe.
std::vector<PunktToken> AnnotatedTokens(std::string_view text, const PunktParameters& params);

}  // namespace vleval::chair
