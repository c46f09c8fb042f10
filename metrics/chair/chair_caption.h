// CHAIR's caption_to_words, original variant (scoring.md §3.2): lower-case,
// nltk.word_tokenize, pattern's singularize per token, greedy left-to-right
// double-word merge, the toilet/seat rule, then the vocabulary filter and the
// synonym -> COCO category mapping. Also used on the reference captions to
// build an image's ground-truth objects (§3.3).
//
// Not covered: the OPERA / less-is-more / lmms-eval variant (POS tagger +
// WordNet lemmatizer); its numbers differ from the original (§3.5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/chair/chair_vocabulary.h"
#include "metrics/chair/punkt_parameters.h"

namespace vleval::chair {

// Everything CHAIR reads besides the samples.
struct ChairTables {
  PunktParameters punkt;
  ChairVocabulary vocabulary;
};

struct ChairCaptionWords {
  // Tokens after singularize and the double-word merge, punctuation included
  // (the reference's `double_words`; Len counts them).
  std::vector<std::string> raw_words;
  std::vector<std::string> words;       // the vocabulary strings mentioned, in order
  std::vector<std::string> node_words;  // their COCO categories (duplicates kept)
};

// Pure and thread-safe; `tables` is only read. Any UTF-8 text is accepted.
ChairCaptionWords CaptionToWords(std::string_view caption, const ChairTables& tables);

}  // namespace vleval::chair
