// Helpers for "did you mean" messages: edit distance and the closest names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vleval {

// Levenshtein distance between two byte strings.
std::size_t EditDistance(std::string_view a, std::string_view b);

// Up to `limit` names from `known` closest to `wanted`, nearest first; names
// further than half of `wanted`'s length (at least 2 edits) are left out.
std::vector<std::string> ClosestNames(std::string_view wanted, const std::vector<std::string>& known,
                                      std::size_t limit = 3);

// "unknown <kind> 'name'; did you mean 'a'? known: a, b, c" (the suggestion
// only when a known name is close; "; none is known" when `known` is empty).
std::string UnknownNameMessage(std::string_view kind, std::string_view wanted,
                               const std::vector<std::string>& known);

}  // namespace vleval
