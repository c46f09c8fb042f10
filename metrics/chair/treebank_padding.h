// The four rules of the Treebank cascade (treebank_word_tokenizer.h) whose
// regexes repeat over runs of characters, rewritten by hand. std::regex
// (libstdc++) recurses once per character a match consumes, so a long run of
// dots, backticks or closing brackets in a model output would overflow the
// stack; these functions give exactly the regex_replace result in one linear
// pass with constant stack. ECMAScript semantics in the C locale: `\s` is
// [ \t\n\v\f\r], `$` is the end of the text, `[^\.]` is any byte but '.'.
#pragma once

#include <string>
#include <string_view>

namespace vleval::chair {

// regex_replace(text, "(«|“|‘|„|`+)", " $1 ") (nltk STARTING_QUOTES[0]).
std::string PadStartingQuotes(std::string_view text);

// regex_replace(text, "\.{2,}", " $& ") (nltk's ellipsis rule).
std::string PadEllipsis(std::string_view text);

// regex_replace(text, R"(([^\.])(\.)((?:[\]\)}>"' ]|»|”|’)*)\s*$)", "$1 $2 $3 ")
// (nltk's final period before closing quotes and brackets).
std::string PadFinalPeriodBeforeQuotes(std::string_view text);

// regex_replace(text, R"(([^\.])(\.)([\]\)}>"']*)\s*$)", "$1 $2$3 ")
// (the Treebank final period rule).
std::string PadFinalPeriod(std::string_view text);

}  // namespace vleval::chair
