// Rendering a task's prompt for one sample: identifier choice (for the
// task-identifier ablations), {field} substitution, conversation wrapper.
#pragma once

#include <map>
#include <string>

#include "benchmarks/task_config.h"
#include "core/result.h"

namespace vleval {

// --identifier default|none|<token>: keep the task's identifier, drop it (and
// the space after it), or put <token> in its place.
struct IdentifierChoice {
  enum class Kind { kDefault, kNone, kReplace };
  Kind kind = Kind::kDefault;
  std::string token;  // kReplace only

  // "default", "none", or a token without whitespace, e.g. "[affect]".
  static Result<IdentifierChoice> Parse(const std::string& text);
  std::string ToString() const;
};

// The identifier a prompt carries under `choice`: the template's own, none
// ("") or the replacement token.
std::string EffectiveIdentifier(const PromptTemplate& prompt, const IdentifierChoice& choice);

// "<identifier> <instruction>" with {name} placeholders replaced from `fields`.
// A placeholder without a field is an error naming it; "{}" and text without
// braces are left alone. Field values are inserted verbatim (no re-expansion).
Result<std::string> RenderTaskText(const PromptTemplate& prompt, const IdentifierChoice& choice,
                                   const std::map<std::string, std::string>& fields);

// The conversation wrapper with "{}" replaced by `task_text`, e.g.
// "<s>[INST] <Img><ImageHere></Img> {task_text} [/INST]".
std::string WrapConversation(const std::string& conversation, const std::string& task_text);

}  // namespace vleval
