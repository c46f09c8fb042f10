#include "metrics/chair/chair_vocabulary.h"

#include "metrics/python_text.h"

namespace vleval::chair {
namespace {

void AddDoubleWords(ChairVocabulary& vocabulary) {
  auto& table = vocabulary.double_words;
  // coco_double_words of the original (29 items; "hot dog" and "teddy bear"
  // appear twice there).
  for (const char* word :
       {"motor bike",     "motor cycle",  "air plane",    "traffic light",   "street light",
        "traffic signal", "stop light",   "fire hydrant", "stop sign",       "parking meter",
        "suit case",      "sports ball",  "baseball bat", "baseball glove",  "tennis racket",
        "wine glass",     "hot dog",      "cell phone",   "mobile phone",    "teddy bear",
        "hair drier",     "potted plant", "bow tie",      "laptop computer", "stove top oven",
        "home plate",     "train track"}) {
    table[word] = word;
  }
  for (const char* animal : {"bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra",
                             "giraffe", "animal", "cub"}) {
    table[std::string("baby ") + animal] = animal;
    table[std::string("adult ") + animal] = animal;
  }
  for (const char* vehicle : {"jet", "train"}) table[std::string("passenger ") + vehicle] = vehicle;
  table["bow tie"] = "tie";
  table["toilet seat"] = "toilet";
  table["wine glas"] = "wine glass";
}

}  // namespace

Result<ChairVocabulary> ParseChairSynonyms(std::string_view text) {
  ChairVocabulary vocabulary;
  for (const std::string& raw_line : PySplitOn(text, "\n")) {
    const std::string line = PyStrip(raw_line);
    if (line.empty()) continue;
    const std::vector<std::string> entries = PySplitOn(line, ", ");
    vocabulary.node_words.push_back(entries.front());
    vocabulary.entry_count += entries.size();
    for (const std::string& entry : entries) vocabulary.inverse_synonyms[entry] = entries.front();
  }
  if (vocabulary.node_words.empty()) {
    return Error{"CHAIR synonyms table is empty (expected one line per COCO category)"};
  }
  AddDoubleWords(vocabulary);
  return vocabulary;
}

}  // namespace vleval::chair
