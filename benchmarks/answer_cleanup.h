// The per-task clean-up the official MiniGPT-v2 scripts apply to a decoded
// model output before scoring or saving it. Which one a task uses follows from
// its loader family (see LoaderEntry::cleanup).
#pragma once

#include <string>
#include <string_view>

namespace vleval {

enum class AnswerCleanup {
  kLowerDropUnkStrip,  // OK-VQA, GQA: lower(), remove "<unk>", strip()
  kDropUnkStrip,       // VizWiz, VSR, CHAIR, IconVQA: remove "<unk>", strip()
  kLowerStrip,         // HM: lower().strip()
  kRecCompact,         // REC: remove "<unk>", remove every space, strip()
};

// Name used in listings: "lower_drop_unk_strip", "drop_unk_strip",
// "lower_strip", "rec_compact".
std::string_view AnswerCleanupName(AnswerCleanup cleanup);

// Applies `cleanup` to `raw` (UTF-8). Lower-casing and stripping act on ASCII
// only (Python's str.lower/strip also map non-ASCII letters and spaces; the
// official answers are ASCII). Pure, thread-safe.
std::string CleanAnswer(AnswerCleanup cleanup, std::string_view raw);

}  // namespace vleval
