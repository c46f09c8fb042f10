#include "metrics/chair/pattern_singularize.h"

#include <gtest/gtest.h>

namespace vleval::chair {
namespace {

struct Case {
  const char* plural;
  const char* singular;
};

void ExpectAll(std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(Singularize(c.plural), c.singular) << c.plural;
}

TEST(PatternSingularize, SingularBusLosesItsS) {
  ExpectAll(
      {{"bus", "bu"}, {"minibus", "minibu"}, {"airbus", "airbu"}, {"buses", "bus"}, {"busses", "buss"}});
}

TEST(PatternSingularize, SpecQuirksFromScoringMd) {
  ExpectAll({{"ties", "ty"},
             {"canoes", "cano"},
             {"tennis", "tenni"},
             {"sports", "sport"},
             {"glass", "glas"},
             {"glasses", "glass"},
             {"has", "ha"},
             {"this", "thi"},
             {"was", "wa"},
             {"its", "it"},
             {"features", "feature"}});
}

TEST(PatternSingularize, SingularIeWordsAreReturnedUnchanged) {
  ExpectAll({{"doggies", "doggies"},
             {"collies", "collies"},
             {"cookies", "cookies"},
             {"pies", "py"}});  // "^pie" keeps its caret and never matches
}

TEST(PatternSingularize, IrregularFormsApplyAsSuffixes) {
  ExpectAll({{"people", "person"},
             {"children", "child"},
             {"oxen", "ox"},
             {"geese", "goose"},
             {"women", "woman"},
             {"your", "ymy"},
             {"taxes", "taxe"},
             {"leaves", "leaf"}});
}

TEST(PatternSingularize, RegexRulesInOrder) {
  ExpectAll({{"skis", "ski"},
             {"knives", "knife"},
             {"mice", "mouse"},
             {"wolves", "wolf"},
             {"boxes", "box"},
             {"benches", "bench"},
             {"berries", "berry"},
             {"theses", "thesis"},
             {"databases", "databasis"},
             {"psychoanalyses", "psychoanalyasis"},
             {"analyses", "analysis"},
             {"roses", "rose"},
             {"doses", "dose"},
             {"hoses", "hose"},
             {"bananas", "banana"},
             {"criteria", "criterium"},
             {"cacti", "cactus"},
             {"hives", "hive"},
             {"curves", "curf"},
             {"oxenford", "oxford"},
             {"vertebrae", "vertebra"}});
}

TEST(PatternSingularize, UninflectedListMatchesAnyEntryEndingWithTheWord) {
  // "tuna" ends with "a", "chassis" with "is", "salmon" with "on".
  ExpectAll({{"a", "a"},
             {"is", "is"},
             {"on", "on"},
             {"sheep", "sheep"},
             {"species", "species"},
             {"s", "s"},
             {"", ""}});
}

TEST(PatternSingularize, ApostropheAndPrepositionCompounds) {
  ExpectAll({{"dogs'", "dog's"}, {"'", "'s"}, {"mothers-in-law", "mother-in-law"}, {"t-shirts", "t-shirt"}});
}

}  // namespace
}  // namespace vleval::chair
