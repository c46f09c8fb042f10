// What a task asks of a model backend (core/, so that benchmark loader
// entries can declare it and model backends can check it): greedy
// generation; generation plus the probability of a given first token (HM's
// "yes", VizWiz's "unanswerable"); or ranking of given candidate answers
// (IconVQA).
#pragma once

#include <string_view>

namespace vleval {

enum class RequestKind { kGenerate, kGenerateWithFirstToken, kScoreCandidates };

// "generate", "generate-with-first-token", "score-candidates".
constexpr std::string_view RequestKindName(RequestKind kind) {
  switch (kind) {
    case RequestKind::kGenerate:
      return "generate";
    case RequestKind::kGenerateWithFirstToken:
      return "generate-with-first-token";
    case RequestKind::kScoreCandidates:
      return "score-candidates";
  }
  return "unknown";
}

}  // namespace vleval
