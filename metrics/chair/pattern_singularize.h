// pattern's English singularize (clips/pattern 3.6, pattern/text/en/inflect.py),
// ported rule for rule for the original CHAIR metric (scoring.md §3.5, §6.1).
// CHAIR normalises every NLTK token with it, so its quirks are part of the
// metric: "bus" -> "bu", "glass" -> "glas", "ties" -> "ty", "this" -> "thi",
// "doggies" unchanged (the singular_ie branch returns the word as is),
// "your" -> "ymy" (the irregular "our" -> "my" applies as a suffix).
#pragma once

#include <string>
#include <string_view>

namespace vleval::chair {

// The singular pattern would return for `word`. Input is expected in lower
// case (CHAIR lower-cases the caption first); upper-case letters are compared
// literally, so the (?i) flags of the reference are not reproduced for them.
// Any byte string is accepted (UTF-8 is passed through untouched). Pure and
// thread-safe.
std::string Singularize(std::string_view word);

}  // namespace vleval::chair
