// CHAIR's text pipeline on a model caption: punkt sentences, the Treebank
// word tokenizer, then pattern's singularize on every word. The punkt tables
// are nltk's when $VLEVAL_PUNKT_DIR names a punkt_tab/english folder, else
// empty tables.
#include <cstdlib>

#include "core/json_file.h"
#include "fuzz/fuzz_input.h"
#include "metrics/chair/pattern_singularize.h"
#include "metrics/chair/punkt_parameters.h"
#include "metrics/chair/treebank_word_tokenizer.h"

namespace {

const vleval::chair::PunktParameters& Parameters() {
  static const vleval::chair::PunktParameters params = [] {
    const char* dir = std::getenv("VLEVAL_PUNKT_DIR");
    if (dir != nullptr) {
      const std::filesystem::path base(dir);
      auto read = [&](const char* name) { return vleval::ReadTextFile(base / name); };
      auto a = read("abbrev_types.txt"), c = read("collocations.tab"), s = read("sent_starters.txt"),
           o = read("ortho_context.tab");
      if (a && c && s && o) {
        if (auto parsed = vleval::chair::ParsePunktParameters(*a, *c, *s, *o)) return *parsed;
      }
    }
    return *vleval::chair::ParsePunktParameters("", "", "", "");
  }();
  return params;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const auto& token : vleval::chair::NltkWordTokenize(vleval::fuzz::AsText(data, size), Parameters())) {
    (void)vleval::chair::Singularize(token);
  }
  return 0;
}
