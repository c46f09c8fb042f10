// The REC resampling rule of the official eval_ref.py (--resample), as data
// and functions a runner acts on:
//  - an output is accepted when, after the REC clean-up (AnswerCleanup::
//    kRecCompact), it starts with "{<d><d><d><d>}" (1-3 digits each; the match
//    is anchored at the start only, trailing text is allowed);
//  - a rejected sample is asked again with a new "sent": the previous task text
//    with every occurrence of the prompt's prefix (the task text rendered with
//    an empty sent, right-stripped) removed, stripped, then written as a
//    one-element Python list repr: "the man" -> "['the man']" ->
//    "[\"['the man']\"]" (nesting grows each round);
//  - at most kRecResampleRounds extra rounds; in the last one every output is
//    accepted whatever it is. Decoding stays greedy.
#pragma once

#include <string>
#include <string_view>

#include "benchmarks/prompt.h"
#include "benchmarks/task_config.h"
#include "core/result.h"

namespace vleval {

inline constexpr int kRecResampleRounds = 5;

// True when a cleaned REC output passes the official validity check.
bool RecOutputIsWellFormed(std::string_view cleaned);

// True when resample round `round` (1-based; 0 is the first pass) accepts any
// output: the official script's last round.
constexpr bool RecRoundAcceptsAnything(int round) { return round >= kRecResampleRounds; }

// Python's repr() of a str (quote choice and escapes of CPython 3 for ASCII
// control characters, backslash and quotes; other characters kept verbatim).
std::string PythonStrRepr(std::string_view text);

class RecResampler {
 public:
  // `prompt` and `identifier` are those the first pass was rendered with; the
  // prefix is the task text with field "sent" empty, right-stripped, e.g.
  // "[refer] give me the location of". Error when the template cannot render.
  static Result<RecResampler> Create(const PromptTemplate& prompt, const IdentifierChoice& identifier);

  const std::string& prefix() const { return prefix_; }

  // The "sent" field for the next round from the task text of the round that
  // failed.
  std::string NextSent(const std::string& previous_task_text) const;

 private:
  std::string prefix_;
};

}  // namespace vleval
