// Scoring dialects. A dialect names whose reference implementation a metric
// reproduces, bit for bit (../shared/spec/scoring.md):
//   minigptv2  the MiniGPT-v2 authors' eval scripts (what the paper reports)
//   official   the benchmark's own evaluation code
// Every metric documents, in its header, what each dialect changes, and
// chooses with a `switch` over every Dialect (no default: -Wswitch is an
// error, so a new dialect fails to compile until every metric handles it).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace vleval {

enum class Dialect { kMiniGptV2, kOfficial };

// "minigptv2" or "official"; anything else is an error listing both.
Result<Dialect> ParseDialect(std::string_view text);
std::string DialectName(Dialect dialect);

}  // namespace vleval
