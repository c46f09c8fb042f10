#include "metrics/chair/chair_caption.h"

#include <algorithm>

#include "metrics/chair/pattern_singularize.h"
#include "metrics/chair/treebank_word_tokenizer.h"
#include "metrics/python_text.h"

namespace vleval::chair {

ChairCaptionWords CaptionToWords(std::string_view caption, const ChairTables& tables) {
  std::vector<std::string> tokens = NltkWordTokenize(PyLower(caption), tables.punkt);
  for (std::string& token : tokens) token = Singularize(token);

  ChairCaptionWords result;
  const auto& double_words = tables.vocabulary.double_words;
  for (size_t i = 0; i < tokens.size();) {
    if (i + 1 < tokens.size()) {
      auto merged = double_words.find(tokens[i] + " " + tokens[i + 1]);
      if (merged != double_words.end()) {
        result.raw_words.push_back(merged->second);
        i += 2;
        continue;
      }
    }
    result.raw_words.push_back(tokens[i]);
    i += 1;
  }

  const auto& raw = result.raw_words;
  const bool drop_seat = std::find(raw.begin(), raw.end(), "toilet") != raw.end() &&
                         std::find(raw.begin(), raw.end(), "seat") != raw.end();
  const auto& inverse = tables.vocabulary.inverse_synonyms;
  for (const std::string& word : raw) {
    if (drop_seat && word == "seat") continue;
    auto node = inverse.find(word);
    if (node == inverse.end()) continue;
    result.words.push_back(word);
    result.node_words.push_back(node->second);
  }
  return result;
}

}  // namespace vleval::chair
