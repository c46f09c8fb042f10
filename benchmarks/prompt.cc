#include "benchmarks/prompt.h"

#include <algorithm>
#include <cctype>

namespace vleval {

Result<IdentifierChoice> IdentifierChoice::Parse(const std::string& text) {
  IdentifierChoice choice;
  if (text == "default") return choice;
  if (text == "none") {
    choice.kind = Kind::kNone;
    return choice;
  }
  const bool has_space =
      std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
  if (text.empty() || has_space) {
    return Error{"--identifier must be 'default', 'none' or a token without spaces, got '" + text + "'"};
  }
  choice.kind = Kind::kReplace;
  choice.token = text;
  return choice;
}

std::string IdentifierChoice::ToString() const {
  switch (kind) {
    case Kind::kDefault:
      return "default";
    case Kind::kNone:
      return "none";
    case Kind::kReplace:
      return token;
  }
  return "default";
}

std::string EffectiveIdentifier(const PromptTemplate& prompt, const IdentifierChoice& choice) {
  switch (choice.kind) {
    case IdentifierChoice::Kind::kDefault:
      return prompt.identifier;
    case IdentifierChoice::Kind::kNone:
      return "";
    case IdentifierChoice::Kind::kReplace:
      return choice.token;
  }
  return prompt.identifier;
}

Result<std::string> RenderTaskText(const PromptTemplate& prompt, const IdentifierChoice& choice,
                                   const std::map<std::string, std::string>& fields) {
  const std::string identifier = EffectiveIdentifier(prompt, choice);

  std::string text;
  const std::string& source = prompt.instruction;
  for (std::size_t i = 0; i < source.size();) {
    const auto close = source[i] == '{' ? source.find('}', i) : std::string::npos;
    if (close == std::string::npos || close == i + 1) {
      text += source[i++];
      continue;
    }
    const std::string name = source.substr(i + 1, close - i - 1);
    auto field = fields.find(name);
    if (field == fields.end()) return Error{"prompt placeholder {" + name + "} has no value"};
    text += field->second;
    i = close + 1;
  }
  return identifier.empty() ? text : identifier + " " + text;
}

std::string WrapConversation(const std::string& conversation, const std::string& task_text) {
  const auto slot = conversation.find("{}");
  if (slot == std::string::npos) return conversation;
  return conversation.substr(0, slot) + task_text + conversation.substr(slot + 2);
}

}  // namespace vleval
