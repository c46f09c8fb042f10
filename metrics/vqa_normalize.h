// Answer normalisation of the official VQA evaluation (scoring.md §1.1-1.3),
// quirks included:
//  - punctuation: 21 characters, each deleted when the *input* has it next
//    to a space or contains digit,digit anywhere, else replaced by a space;
//  - periods: the buggy `(?!<=\d)(\.)(?!\d)` deletes every '.' not followed
//    by a digit, at most 32 per string (re.UNICODE passed as `count`);
//  - digits/articles: lower-case, whitespace split, number words
//    (none..ten, "none" -> "0"), drop a/an/the, the 120 contractions.
// `\d` is taken as ASCII 0-9 (Python 3 would also accept other Unicode
// decimal digits). Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace vleval {

// processPunctuation: the punctuation rules, then the period rule.
std::string VqaProcessPunctuation(std::string_view text);

// The period rule alone: deletes up to `max_deletions` periods that are not
// immediately followed by an ASCII digit, scanning left to right.
std::string VqaStripPeriods(std::string_view text, int max_deletions = 32);

using ContractionTable = std::unordered_map<std::string, std::string>;

// processDigitArticle with the VQA contractions, or with `contractions`
// (VizWiz ships its own table).
std::string VqaProcessDigitArticle(std::string_view text);
std::string VqaProcessDigitArticle(std::string_view text, const ContractionTable& contractions);

// Both steps, as the official evaluate() applies them.
std::string VqaNormalizeAnswer(std::string_view text);
std::string VqaNormalizeAnswer(std::string_view text, const ContractionTable& contractions);

}  // namespace vleval
