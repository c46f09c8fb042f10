// Scoring dialects. A dialect names whose reference implementation a metric
// reproduces, bit for bit (../shared/spec/scoring.md):
//   minigptv2  the MiniGPT-v2 authors' eval scripts (what the paper reports)
//   official   the benchmark's own evaluation code
// Every metric documents, in its header, what each dialect changes, and
// chooses with a `switch` over every Dialect (no default: -Wswitch is an
// error, so a new dialect fails to compile until every metric handles it),
// or, where the dialects differ only by whether the MiniGPT-v2 scripts'
// steps apply, with FollowsMiniGptV2Scripts (whose switch is that check).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace vleval {

enum class Dialect { kMiniGptV2, kOfficial };

// "minigptv2" or "official"; anything else is an error listing both.
Result<Dialect> ParseDialect(std::string_view text);
std::string DialectName(Dialect dialect);

// True when `dialect` reproduces the MiniGPT-v2 authors' eval scripts, so
// that their extra steps apply (eval_vqa.py's post-processing of the output
// and case-insensitive match, the IconVQA loss ranking, REC resampling);
// false when it reproduces the benchmark's own code, which has none of them.
// A new dialect must be placed here: the switch covers every Dialect.
bool FollowsMiniGptV2Scripts(Dialect dialect);

}  // namespace vleval
