#include "benchmarks/task_config.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

nlohmann::json MinimalTask() {
  return nlohmann::json::parse(R"({
    "name": "affect", "version": 1, "loader": "vsr",
    "identifier": "[affect]", "instruction": "what emotion does {caption} show?",
    "metric": "vsr_accuracy", "dialect": "minigptv2"})");
}

TEST(TaskConfig, SinglePromptBecomesTheDefaultVariant) {
  auto config = ParseTaskConfig(MinimalTask(), "affect.json");
  ASSERT_TRUE(config.ok()) << config.error().message;
  auto prompt = config->Variant("");
  ASSERT_TRUE(prompt.ok());
  EXPECT_EQ(prompt->identifier, "[affect]");
  EXPECT_EQ(config->generation.max_new_tokens, 20);
  EXPECT_EQ(config->generation.batch_size, 10);
  EXPECT_FALSE(config->expected_count.has_value());
}

TEST(TaskConfig, RoundTripsThroughJson) {
  auto json = MinimalTask();
  json["expected_count"] = 12;
  json["generation"] = {{"max_new_tokens", 7}, {"batch_size", 3}};
  json["loader_options"] = {{"split", "val"}};
  auto config = ParseTaskConfig(json, "affect.json");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(TaskConfigToJson(*config), json);
}

TEST(TaskConfig, UnknownKeyIsAnErrorNamingTheFile) {
  auto json = MinimalTask();
  json["promt"] = "typo";
  auto config = ParseTaskConfig(json, "affect.json");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "affect.json: unknown key 'promt'");
}

TEST(TaskConfig, AConversationIsAnErrorPointingAtTheModelConfig) {
  auto json = MinimalTask();
  json["conversation"] = "<s>[INST] <Img><ImageHere></Img> {} [/INST]";
  auto config = ParseTaskConfig(json, "affect.json");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("configs/models/*.json"), std::string::npos)
      << config.error().message;
}

TEST(TaskConfig, VariantsAndSinglePromptAreExclusive) {
  auto json = MinimalTask();
  json["variants"] = {{"a", {{"identifier", ""}, {"instruction", "x"}}}};
  json["default_variant"] = "a";
  EXPECT_FALSE(ParseTaskConfig(json, "affect.json").ok());
  json.erase("identifier");
  json.erase("instruction");
  EXPECT_TRUE(ParseTaskConfig(json, "affect.json").ok());
  json["default_variant"] = "b";
  EXPECT_FALSE(ParseTaskConfig(json, "affect.json").ok());
}

TEST(TaskConfig, UnknownVariantErrorListsKnownOnes) {
  auto config = ParseTaskConfig(MinimalTask(), "affect.json");
  ASSERT_TRUE(config.ok());
  auto missing = config->Variant("long");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "task 'affect' has no prompt variant 'long' (known: default)");
}

}  // namespace
}  // namespace vleval
