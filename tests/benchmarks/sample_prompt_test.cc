// Rendering one sample's prompt: fields, identifier choice, wrapper, errors.
#include "benchmarks/sample_prompt.h"

#include <gtest/gtest.h>

#include "benchmarks/model_profile.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

// The shipped MiniGPT-v2 model config, whose chat template the prompts use.
const ModelProfile& MiniGptV2Model() {
  static const ModelProfile model =
      *LoadModelProfile(testing::SourceDir() / "configs/models/minigptv2-7b.json");
  return model;
}

TaskConfig VqaTask() {
  TaskConfig config;
  config.name = "okvqa";
  config.variants["default"] = {
      "[vqa]", "Based on the image, respond to this question with a short answer: {question}"};
  return config;
}

TEST(SamplePrompt, FillsFieldsAndWraps) {
  Sample sample;
  sample.id = 1;
  sample.fields["question"] = "what {color} is it?";
  auto prompt = RenderSamplePrompt(VqaTask(), "", {}, sample, MiniGptV2Model());
  ASSERT_TRUE(prompt.ok());
  EXPECT_EQ(prompt->task_text,
            "[vqa] Based on the image, respond to this question with a short answer: what {color} is it?");
  EXPECT_EQ(prompt->prompt, "<s>[INST] <Img><ImageHere></Img> " + prompt->task_text + " [/INST]");
}

TEST(SamplePrompt, ReplacedIdentifierTakesTheTokenPlace) {
  Sample sample;
  sample.fields["question"] = "q";
  auto prompt =
      RenderSamplePrompt(VqaTask(), "", *IdentifierChoice::Parse("[refer]"), sample, MiniGptV2Model());
  ASSERT_TRUE(prompt.ok());
  EXPECT_EQ(prompt->task_text, "[refer] Based on the image, respond to this question with a short answer: q");
}

TEST(SamplePrompt, MissingFieldNamesTaskSampleAndPlaceholder) {
  Sample sample;
  sample.id = "VizWiz_val_00000003.jpg";
  auto prompt = RenderSamplePrompt(VqaTask(), "", {}, sample, MiniGptV2Model());
  ASSERT_FALSE(prompt.ok());
  EXPECT_EQ(prompt.error().message,
            "task 'okvqa' sample \"VizWiz_val_00000003.jpg\": prompt placeholder {question} has no value");
}

TEST(SamplePrompt, UnknownVariantIsAnError) {
  EXPECT_FALSE(RenderSamplePrompt(VqaTask(), "long", {}, Sample{}, MiniGptV2Model()).ok());
}

}  // namespace
}  // namespace vleval
