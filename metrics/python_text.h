// Python `str` operations the reference scorers use, on UTF-8 text, so that
// ports compare strings exactly as CPython 3 does.
//
// Covered exactly: strip()/split() with no argument (Unicode whitespace as
// str.isspace defines it), replace, rstrip(chars). lower() is exact for
// ASCII and Latin-1/Latin Extended-A/Greek/Cyrillic capitals with a simple
// one-to-one mapping; other scripts are left unchanged (CPython would
// lower-case them; this only matters when a reference answer and a
// prediction differ in the case of such letters). Malformed UTF-8 bytes are
// kept as they are. All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vleval {

// str.strip(): removes leading and trailing Unicode whitespace.
std::string PyStrip(std::string_view text);

// str.split(): runs of Unicode whitespace separate tokens; no empty tokens.
std::vector<std::string> PySplit(std::string_view text);

// str.split(sep) for a non-empty separator: keeps empty pieces.
std::vector<std::string> PySplitOn(std::string_view text, std::string_view separator);

// str.lower() (see the coverage note above).
std::string PyLower(std::string_view text);

// str.replace(old, new) for a non-empty `from`.
std::string PyReplace(std::string_view text, std::string_view from, std::string_view to);

// str.rstrip(chars) for ASCII `chars`.
std::string PyRstripChars(std::string_view text, std::string_view chars);

// str.join.
std::string PyJoin(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace vleval
