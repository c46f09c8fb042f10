// The word tokenizer `nltk.word_tokenize` applies to each punkt sentence:
// NLTKWordTokenizer of nltk 3.8.1 (the Treebank regex cascade plus nltk's
// rules for Unicode quotes, "..", "*" and ";@#$%&"), without
// convert_parentheses. Only a period at the end of the sentence is split off,
// which is why sentence splitting matters for CHAIR (scoring.md §6.1).
//
// Approximations: the regexes run on UTF-8 bytes with std::regex, so \w, \d,
// \s and \b are ASCII-only inside the cascade (CPython's are Unicode); the
// final split uses Python's Unicode whitespace. ASCII text is exact.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/chair/punkt_parameters.h"

namespace vleval::chair {

// Tokens of one sentence, as NLTKWordTokenizer().tokenize(sentence) returns
// them. Pure and thread-safe (the compiled rules are shared, read-only).
std::vector<std::string> TreebankTokenize(std::string_view sentence);

// nltk.word_tokenize(text): punkt sentences, then TreebankTokenize on each.
std::vector<std::string> NltkWordTokenize(std::string_view text, const PunktParameters& params);

}  // namespace vleval::chair
