// The parameters of nltk's pretrained English punkt sentence splitter, the one
// `nltk.word_tokenize` runs before the Treebank rules (scoring.md §6.1). They
// are read at run time from the four punkt_tab tables nltk_data ships
// (tokenizers/punkt_tab/english/); the project commits no copy.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/result.h"

namespace vleval::chair {

// Orthographic-context flags (bit values as in nltk.tokenize.punkt).
inline constexpr int kOrthoBegUc = 1 << 1;
inline constexpr int kOrthoMidUc = 1 << 2;
inline constexpr int kOrthoUnkUc = 1 << 3;
inline constexpr int kOrthoBegLc = 1 << 4;
inline constexpr int kOrthoMidLc = 1 << 5;
inline constexpr int kOrthoUnkLc = 1 << 6;
inline constexpr int kOrthoUc = kOrthoBegUc + kOrthoMidUc + kOrthoUnkUc;
inline constexpr int kOrthoLc = kOrthoBegLc + kOrthoMidLc + kOrthoUnkLc;

struct PunktParameters {
  std::set<std::string> abbrev_types;                          // e.g. "dr", "u.s"
  std::set<std::pair<std::string, std::string>> collocations;  // (type before ".", next type)
  std::set<std::string> sent_starters;                         // e.g. "however"
  std::unordered_map<std::string, int> ortho_context;          // type -> kOrtho* flags

  // Flags of `type`, 0 when unseen (nltk's defaultdict(int)).
  int OrthoContext(const std::string& type) const {
    auto it = ortho_context.find(type);
    return it == ortho_context.end() ? 0 : it->second;
  }
};

// Parses the contents of abbrev_types.txt and sent_starters.txt (one type per
// line), collocations.tab ("type<TAB>type" per line) and ortho_context.tab
// ("type<TAB>flags" per line). Lines are taken as they are (only the line
// break is removed); empty lines are skipped. Errors name the table and the
// 1-based line of a malformed entry.
Result<PunktParameters> ParsePunktParameters(std::string_view abbrev_types, std::string_view collocations,
                                             std::string_view sent_starters, std::string_view ortho_context);

}  // namespace vleval::chair
