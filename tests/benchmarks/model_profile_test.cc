// Model configs (configs/models/*.json): the shipped ones parse, and what a
// malformed one gets.
#include "benchmarks/model_profile.h"

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

nlohmann::json Valid() {
  return nlohmann::json::parse(R"({
    "name": "m", "backend": "minigptv2", "chat_template": "<s>[INST] <Img><ImageHere></Img> {} [/INST]",
    "box_codec": "minigptv2", "special_tokens": {"bos_id": 1, "eos_id": 2, "image_placeholder": "<ImageHere>"},
    "identifiers": ["[vqa]"], "architecture": {"vit_depth": 39}, "image": {"size": 448}})");
}

TEST(ModelProfile, ReadsTheShippedMiniGptV2Config) {
  auto profile = LoadModelProfile(testing::SourceDir() / "configs/models/minigptv2-7b.json");
  ASSERT_TRUE(profile) << profile.error().message;
  EXPECT_EQ(profile->backend, "minigptv2");
  EXPECT_EQ(profile->Wrap("[vqa] what?"), "<s>[INST] <Img><ImageHere></Img> [vqa] what? [/INST]");
  EXPECT_EQ(profile->box_codec, "minigptv2");
  EXPECT_EQ(profile->special_tokens.bos_id, 1);
  EXPECT_EQ(profile->special_tokens.eos_id, 2);
  EXPECT_EQ(profile->identifiers.size(), 6u);
  EXPECT_EQ(profile->architecture["lora_r"], 64);
  EXPECT_EQ(profile->image["size"], 448);
}

TEST(ModelProfile, ReadsTheServedModelConfigWhoseTemplateIsTheTaskText) {
  auto profile = LoadModelProfile(testing::SourceDir() / "configs/models/openai-chat.json");
  ASSERT_TRUE(profile) << profile.error().message;
  EXPECT_EQ(profile->backend, "openai");
  EXPECT_EQ(profile->Wrap("[vqa] what?"), "[vqa] what?");
  EXPECT_FALSE(profile->special_tokens.bos_id.has_value());
  EXPECT_TRUE(profile->architecture.is_null());
}

TEST(ModelProfile, EveryShippedConfigParses) {
  for (const char* name : {"minigptv2-7b", "minigptv2-tiny", "openai-chat"}) {
    auto profile = LoadModelProfile(testing::SourceDir() / "configs/models" / (std::string(name) + ".json"));
    EXPECT_TRUE(profile) << name << ": " << profile.error().message;
  }
}

TEST(ModelProfile, UnknownKeysBadTemplatesAndUnknownCodecsAreErrors) {
  auto json = Valid();
  ASSERT_TRUE(ParseModelProfile(json, "m.json")) << ParseModelProfile(json, "m.json").error().message;
  json["conversation"] = "x";
  auto unknown = ParseModelProfile(json, "m.json");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("conversation"), std::string::npos) << unknown.error().message;

  json = Valid();
  json["chat_template"] = "<ImageHere> {} {}";
  auto twice = ParseModelProfile(json, "m.json");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("exactly one \"{}\""), std::string::npos);

  json = Valid();
  json["chat_template"] = "[INST] {} [/INST]";
  auto no_image = ParseModelProfile(json, "m.json");
  ASSERT_FALSE(no_image);
  EXPECT_NE(no_image.error().message.find("image placeholder <ImageHere>"), std::string::npos);

  json = Valid();
  json["box_codec"] = "grid100";
  auto codec = ParseModelProfile(json, "m.json");
  ASSERT_FALSE(codec);
  EXPECT_NE(codec.error().message.find("grid1000"), std::string::npos) << codec.error().message;

  json = Valid();
  json["special_tokens"]["eos"] = 2;
  auto token = ParseModelProfile(json, "m.json");
  ASSERT_FALSE(token);
  EXPECT_NE(token.error().message.find("eos"), std::string::npos);
}

}  // namespace
}  // namespace vleval
