#include "metrics/chair/pattern_singularize.h"

#include <array>
#include <utility>

namespace vleval::chair {
namespace {

// plural_prepositions ("mother-in-law" singularises its first part).
constexpr std::array<std::string_view, 40> kPluralPrepositions = {
    "about",  "before",  "during", "of",    "till",  "above",   "behind",  "except", "off",  "to",
    "across", "below",   "for",    "on",    "under", "after",   "beneath", "from",   "onto", "until",
    "among",  "beside",  "in",     "out",   "unto",  "around",  "besides", "into",   "over", "upon",
    "at",     "between", "near",   "since", "with",  "athwart", "betwixt", "beyond", "but",  "by"};

// singular_uninflected and singular_uncountable: a word is returned unchanged
// when any entry *ends with* it (the reference's reversed test).
constexpr std::array<std::string_view, 46> kUninflected = {
    "bison",     "debris",   "headquarters", "pincers",  "trout",    "bream",       "diabetes",
    "herpes",    "pliers",   "tuna",         "breeches", "djinn",    "high-jinks",  "proceedings",
    "whiting",   "britches", "eland",        "homework", "rabies",   "wildebeest",  "carp",
    "elk",       "innings",  "salmon",       "chassis",  "flounder", "jackanapes",  "scissors",
    "christmas", "gallows",  "mackerel",     "series",   "clippers", "georgia",     "measles",
    "shears",    "cod",      "graffiti",     "mews",     "species",  "contretemps", "mumps",
    "swine",     "corps",    "news",         "swiss"};
constexpr std::array<std::string_view, 28> kUncountable = {
    "advice",  "equipment",   "happiness",   "luggage",  "news",          "software", "bread",
    "fruit",   "information", "mathematics", "progress", "understanding", "butter",   "furniture",
    "ketchup", "mayonnaise",  "research",    "water",    "cheese",        "garbage",  "knowledge",
    "meat",    "rice",        "electricity", "gravel",   "love",          "mustard",  "sand"};
// singular_ie: a word ending in one of these + "s" is returned unchanged. The
// "^pie" and "^tie" entries keep their literal caret, so they never match.
constexpr std::array<std::string_view, 44> kSingularIe = {
    "alergie",  "cutie",   "hoagie",  "newbie",  "softie",  "veggie",  "auntie", "doggie",  "hottie",
    "nightie",  "sortie",  "weenie",  "beanie",  "eyrie",   "indie",   "oldie",  "stoolie", "yuppie",
    "birdie",   "freebie", "junkie",  "^pie",    "sweetie", "zombie",  "bogie",  "goonie",  "laddie",
    "pixie",    "techie",  "bombie",  "groupie", "laramie", "quickie", "^tie",   "collie",  "hankie",
    "lingerie", "reverie", "toughie", "cookie",  "hippie",  "meanie",  "rookie", "valkyrie"};
// singular_irregular: suffix -> replacement. No key is a suffix of another,
// so the order of the checks does not matter.
constexpr std::array<std::pair<std::string_view, std::string_view>, 41> kIrregular = {
    {{"atlantes", "atlas"}, {"atlases", "atlas"},    {"axes", "axe"},
     {"beeves", "beef"},    {"brethren", "brother"}, {"children", "child"},
     {"corpora", "corpus"}, {"corpuses", "corpus"},  {"ephemerides", "ephemeris"},
     {"feet", "foot"},      {"ganglia", "ganglion"}, {"geese", "goose"},
     {"genera", "genus"},   {"genii", "genie"},      {"graffiti", "graffito"},
     {"helves", "helve"},   {"kine", "cow"},         {"leaves", "leaf"},
     {"loaves", "loaf"},    {"men", "man"},          {"mongooses", "mongoose"},
     {"monies", "money"},   {"moves", "move"},       {"mythoi", "mythos"},
     {"numena", "numen"},   {"occipita", "occiput"}, {"octopodes", "octopus"},
     {"opera", "opus"},     {"opuses", "opus"},      {"our", "my"},
     {"oxen", "ox"},        {"penes", "penis"},      {"penises", "penis"},
     {"people", "person"},  {"sexes", "sex"},        {"soliloquies", "soliloquy"},
     {"teeth", "tooth"},    {"testes", "testis"},    {"trilbys", "trilby"},
     {"turves", "turf"},    {"zoa", "zoon"}}};

bool Contains(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

// The character `back` positions before the end (1 = last), or '\0' when the
// word is too short.
char FromEnd(std::string_view w, size_t back) { return w.size() >= back ? w[w.size() - back] : '\0'; }

// Replaces the last `cut` bytes of `w` with `tail`.
std::string Replace(std::string_view w, size_t cut, std::string_view tail) {
  std::string out(w.substr(0, w.size() - cut));
  out += tail;
  return out;
}

bool IsPreposition(std::string_view part) {
  for (auto p : kPluralPrepositions)
    if (p == part) return true;
  return false;
}

// The ordered regex rules of singular_rules, as suffix tests; the first that
// matches decides. Each comment gives the reference pattern.
std::string ApplyRules(std::string_view w) {
  auto ends = [&](std::string_view s) { return w.ends_with(s); };
  const size_t n = w.size();
  if (ends("ae") && n >= 3) return Replace(w, 1, "");    // (.)ae$ -> \1a
  if (ends("itis") && n >= 5) return std::string(w);     // (.)itis$
  if (ends("eaux") && n >= 5) return Replace(w, 1, "");  // (.)eaux$ -> \1eau
  if (ends("quizzes")) return Replace(w, 3, "");         // (quiz)zes$
  if (ends("matrices")) return Replace(w, 4, "ix");      // (matr)ices$
  if (ends("apices") || ends("vertices") || ends("indices")) return Replace(w, 4, "ex");
  if (w.starts_with("oxen")) return "ox" + std::string(w.substr(4));  // ^(ox)en
  if (ends("aliases") || ends("statuses")) return Replace(w, 2, "");  // (alias|status)es$
  if (n >= 2 && w[n - 1] == 'i' && Contains("octp|vir", w[n - 2])) {  // ([octop|vir])i$
    return Replace(w, 1, "us");
  }
  if (ends("crises") || ends("axes") || ends("testes")) return Replace(w, 2, "is");
  if (ends("shoes")) return Replace(w, 1, "");  // (shoe)s$
  if (ends("oes")) return Replace(w, 2, "");    // (o)es$
  if (ends("buses")) return Replace(w, 2, "");  // (bus)es$
  if (ends("ice") && Contains("m|l", FromEnd(w, 4))) return Replace(w, 3, "ouse");
  if (ends("xes") || ends("ches") || ends("sses") || ends("shes")) return Replace(w, 2, "");
  if (ends("movies")) return Replace(w, 1, "");            // (m)ovies$
  if (ends("ombies") && n >= 7) return Replace(w, 1, "");  // (.)ombies$
  if (ends("series")) return std::string(w);               // (s)eries$
  if (ends("ies") && ((n >= 4 && !Contains("aeiouy", w[n - 4])) || ends("quies"))) {
    return Replace(w, 3, "y");  // ([^aeiouy]|qu)ies$
  }
  if (ends("ves")) {
    const char c4 = FromEnd(w, 4), c5 = FromEnd(w, 5), c6 = FromEnd(w, 6);
    if (c4 == 'l' && Contains("aeo", c5)) return Replace(w, 3, "f");               // ([aeo]l)ves$
    if (c4 == 'a' && c5 == 'e' && n >= 6 && c6 != 'd') return Replace(w, 3, "f");  // ([^d]ea)ves$
    if (ends("arves")) return Replace(w, 3, "f");                                  // arves$ -> arf
    if (ends("erves")) return Replace(w, 1, "");                                   // erves$ -> erve
    if (c4 == 'i' && Contains("nlw", c5)) return Replace(w, 3, "fe");              // ([nlw]i)ves$
    if (c4 == 'l' || c4 == 'r') return Replace(w, 3, "f");                         // ([lr])ves$
    if (c4 != '\0' && Contains("aeo", c4)) return Replace(w, 1, "");               // ([aeo])ves$ -> \1ve
    if (ends("sives") || ends("tives") || ends("hives")) return Replace(w, 1, "");
    if (n >= 4 && c4 != 'f') return Replace(w, 3, "fe");  // ([^f])ves$
  }
  if (w == "analyses") return "analysis";              // (^analy)ses$
  if (ends("analyses")) return Replace(w, 3, "asis");  // \1\2sis with (a) set
  for (std::string_view stem : {"bases", "diagnoses", "parentheses", "prognoses", "synopses", "theses"}) {
    if (ends(stem)) return Replace(w, 3, "sis");  // (... )ses$ -> \1sis
  }
  if (ends("opses") && n >= 6) return Replace(w, 3, "sis");  // (.)opses$
  if (ends("yses") && n >= 5) return Replace(w, 3, "sis");   // (.)yses$
  if (ends("oses") && (Contains("hdronbp", FromEnd(w, 5)) || ends("closes"))) {
    return Replace(w, 1, "");  // (h|d|...|cl|p)oses$
  }
  for (std::string_view sugar : {"fructose", "glucose", "galactose", "lactose", "ketose", "maltose", "ribose",
                                 "saccharose", "cellulose"}) {
    if (ends(sugar)) return std::string(w);
  }
  if (ends("oses") && n >= 5) return Replace(w, 3, "sis");   // (.)oses$ -> \1osis
  if (ends("ta") || ends("ia")) return Replace(w, 1, "um");  // ([ti])a$
  if (ends("news")) return std::string(w);                   // (n)ews$
  if (ends("s")) return Replace(w, 1, "");                   // s$
  return std::string(w);
}

}  // namespace

std::string Singularize(std::string_view word) {
  if (const size_t dash = word.find('-'); dash != std::string_view::npos) {
    std::string_view rest = word.substr(dash + 1);
    if (IsPreposition(rest.substr(0, rest.find('-')))) {
      return Singularize(word.substr(0, dash)) + "-" + std::string(rest);
    }
  }
  if (word.ends_with('\'')) return Singularize(word.substr(0, word.size() - 1)) + "'s";
  for (auto entry : kUninflected)
    if (entry.ends_with(word)) return std::string(word);
  for (auto entry : kUncountable)
    if (entry.ends_with(word)) return std::string(word);
  for (auto entry : kSingularIe) {
    const size_t size = entry.size() + 1;
    if (word.size() >= size && word.ends_with('s') &&
        word.substr(word.size() - size, entry.size()) == entry) {
      return std::string(word);
    }
  }
  for (const auto& [suffix, singular] : kIrregular) {
    if (word.ends_with(suffix)) return Replace(word, suffix.size(), singular);
  }
  return ApplyRules(word);
}

}  // namespace vleval::chair
