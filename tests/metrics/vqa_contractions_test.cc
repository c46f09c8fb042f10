#include "metrics/vqa_contractions.h"

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(VqaContractions, Has120EntriesWithTheOfficialAnomalies) {
  const auto& table = VqaContractions();
  EXPECT_EQ(table.size(), 120u);
  EXPECT_EQ(table.at("Im"), "I'm");
  EXPECT_EQ(table.at("let's"), "let's");
  EXPECT_EQ(table.at("she's"), "she's");
  EXPECT_EQ(table.at("somebody'd"), "somebodyd");
  EXPECT_EQ(table.at("dont"), "don't");
}

TEST(VqaContractions, EqualsThePublishedTable) {
  const auto path = testing::SharedDataDir() / "vqa" / "contractions.json";
  VLEVAL_SKIP_UNLESS_EXISTS(path);
  auto json = ReadJsonFile(path);
  ASSERT_TRUE(json.ok()) << json.error().message;
  ASSERT_EQ(json->size(), VqaContractions().size());
  for (const auto& [key, value] : json->items()) {
    ASSERT_TRUE(VqaContractions().count(key)) << key;
    EXPECT_EQ(VqaContractions().at(key), value.get<std::string>()) << key;
  }
}

}  // namespace
}  // namespace vleval
