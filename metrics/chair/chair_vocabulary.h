// The CHAIR object vocabulary (Rohrbach et al. 2018, LisaAnne/Hallucination
// utils/chair.py; scoring.md §3.1): the synonym table read at run time from
// synonyms.txt, and the double-word table the original builds in code.
//
// Quirks kept on purpose, because they move the numbers:
//  - entries are split on ", " after stripping the line, so " motor bike" and
//    " cheesecake" keep a leading space and never match; "iPhone" keeps its
//    capital and never matches lower-cased text;
//  - the double-word table maps "bow tie" to "tie", "toilet seat" to "toilet",
//    "wine glas" (pattern's singular of "glass") to "wine glass", "baby X" /
//    "adult X" to X and "passenger jet/train" to "jet"/"train"; outputs that
//    are not vocabulary strings ("animal", "cub", "home plate", "train track",
//    "motor bike") are dropped later.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace vleval::chair {

struct ChairVocabulary {
  // Every synonym string (403 for the published file) -> its line's first
  // entry, the COCO category name ("node word").
  std::unordered_map<std::string, std::string> inverse_synonyms;
  std::vector<std::string> node_words;  // first entries, in file order (80)
  size_t entry_count = 0;               // entries before de-duplication (416)
  // "w1 w2" -> merged word, 55 keys.
  std::unordered_map<std::string, std::string> double_words;
};

// Parses the text of synonyms.txt. Blank lines are skipped; a text without
// any entry is an error. Pure and thread-safe.
Result<ChairVocabulary> ParseChairSynonyms(std::string_view text);

}  // namespace vleval::chair
