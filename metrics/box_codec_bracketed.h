// The `[a, b, c, d]` box text shared by the unit_floats and grid1000 codecs:
// the first match of `\[\s*N,\s*N,\s*N,\s*N\s*\]` anywhere in the output,
// with N = `-?\d+(?:\.\d+)?` (lmms-eval's REC parser). Pure, thread-safe.
#pragma once

#include <array>
#include <string_view>

#include "core/result.h"

namespace vleval {

// The four numbers of the first bracketed quadruple, or an error.
Result<std::array<double, 4>> FindBracketedQuadruple(std::string_view output);

}  // namespace vleval
