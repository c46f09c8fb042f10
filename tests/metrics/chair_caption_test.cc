#include "metrics/chair/chair_caption.h"

#include <gtest/gtest.h>

#include "tests/metrics/chair_test_tables.h"

namespace vleval::chair {
namespace {

using Strings = std::vector<std::string>;

TEST(ChairVocabulary, RealSynonymTableHasTheSpecCounts) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  const ChairVocabulary& v = tables->vocabulary;
  EXPECT_EQ(v.node_words.size(), 80u);
  EXPECT_EQ(v.entry_count, 416u);
  EXPECT_EQ(v.inverse_synonyms.size(), 403u);
  EXPECT_EQ(v.double_words.size(), 55u);
  EXPECT_EQ(v.inverse_synonyms.count(" motor bike"), 1u);
  EXPECT_EQ(v.inverse_synonyms.count("motor bike"), 0u);
  EXPECT_EQ(v.inverse_synonyms.at("table"), "dining table");
  EXPECT_EQ(v.double_words.at("bow tie"), "tie");
  EXPECT_EQ(v.double_words.at("wine glas"), "wine glass");
  EXPECT_EQ(v.double_words.at("baby cub"), "cub");
}

TEST(ChairVocabulary, EmptyTableIsAnError) {
  auto vocabulary = ParseChairSynonyms("\n  \n");
  ASSERT_FALSE(vocabulary.ok());
  EXPECT_NE(vocabulary.error().message.find("empty"), std::string::npos);
}

TEST(ChairCaption, WineGlasMergesBackToWineGlass) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  const ChairCaptionWords words = CaptionToWords("A wine glass sits on a table.", *tables);
  EXPECT_EQ(words.raw_words, (Strings{"a", "wine glass", "sit", "on", "a", "table", "."}));
  EXPECT_EQ(words.words, (Strings{"wine glass", "table"}));
  EXPECT_EQ(words.node_words, (Strings{"wine glass", "dining table"}));
}

TEST(ChairCaption, SingularBusIsNeverCountedButBusesIs) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_EQ(CaptionToWords("a bus and two buses.", *tables).node_words, (Strings{"bus"}));
}

TEST(ChairCaption, ToiletDropsEverySeat) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  EXPECT_EQ(CaptionToWords("the toilet seat is up and a seat is near the toilet.", *tables).node_words,
            (Strings{"toilet", "toilet"}));
  EXPECT_EQ(CaptionToWords("a man on a seat.", *tables).node_words, (Strings{"person", "chair"}));
}

TEST(ChairCaption, QuirksOfTheOriginalVariant) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  // No POS filter: the colour fires the fruit.
  EXPECT_EQ(CaptionToWords("a man in an orange shirt", *tables).node_words, (Strings{"person", "orange"}));
  // "bow ties" -> "bow ty": no merge, but "bow" alone means tie.
  EXPECT_EQ(CaptionToWords("a man with bow ties", *tables).node_words, (Strings{"person", "tie"}));
  // "train tracks" merges into the non-COCO "train track".
  EXPECT_EQ(CaptionToWords("a train on the train tracks.", *tables).node_words, (Strings{"train"}));
  // The leading-space entry makes "motor bike" unreachable; "motorbike" works.
  EXPECT_TRUE(CaptionToWords("a motor bike", *tables).node_words.empty());
  EXPECT_EQ(CaptionToWords("a motorbike", *tables).node_words, (Strings{"motorcycle"}));
  // Capitalised "iPhone" never matches the lower-cased caption.
  EXPECT_TRUE(CaptionToWords("an iPhone", *tables).node_words.empty());
}

TEST(ChairCaption, SentenceSplitDetachesMidCaptionPeriods) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  const ChairCaptionWords words = CaptionToWords("A cat on the table. A dog on the couch.", *tables);
  EXPECT_EQ(words.node_words, (Strings{"cat", "dining table", "dog", "couch"}));
  EXPECT_EQ(words.raw_words.size(), 12u);  // periods included
}

}  // namespace
}  // namespace vleval::chair
