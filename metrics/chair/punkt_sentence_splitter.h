// Sentence splitting as nltk's `sent_tokenize` does it with the pretrained
// English punkt model (nltk 3.8.1 PunktSentenceTokenizer.tokenize with
// realign_boundaries=True): candidate boundaries are ".", "?" and "!" followed
// by other punctuation or by whitespace and a token; each candidate is decided
// by punkt's first pass (abbreviation list, ellipsis) and second pass
// (collocations, orthographic heuristic, sentence starters, initials and
// numbers such as "12." before a lower-case word).
//
// Approximations (only non-ASCII text is affected):
//  - a non-ASCII code point counts as a letter ([^\W\d] in the reference)
//    unless it is Unicode whitespace; it is neither upper- nor lower-case, so
//    the orthographic heuristic sees it as "no case" (CPython would test
//    str.isupper/islower);
//  - type lower-casing is ASCII-only (CHAIR lower-cases the caption before, so
//    this only matters for letters PyLower leaves unchanged).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/chair/punkt_parameters.h"

namespace vleval::chair {

// The sentences of `text` (UTF-8), as substrings of it in order; the last one
// without trailing whitespace. Empty or all-whitespace text gives no sentence.
// Pure and thread-safe; `params` is only read.
std::vector<std::string> SplitSentences(std::string_view text, const PunktParameters& params);

// punkt's own word splitter (PunktLanguageVars.word_tokenize): splits off
// punctuation other than periods; exposed for tests.
std::vector<std::string> PunktWordTokens(std::string_view line);

// True when punkt marks a sentence break on some token of `text` that is
// followed by another token (PunktSentenceTokenizer.text_contains_sentbreak).
bool ContainsSentenceBreak(std::string_view text, const PunktParameters& params);

}  // namespace vleval::chair
