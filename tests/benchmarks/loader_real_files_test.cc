// The loaders on the real published files in ../shared/data: RefCOCO* (the
// eight MiniGPT-v2 evaluation files) and VSR zero-shot test. Counts, first and
// last samples, and the prompt text byte for byte.
#include <gtest/gtest.h>

#include "benchmarks/model_profile.h"

#include "benchmarks/loader.h"
#include "benchmarks/sample_prompt.h"
#include "benchmarks/task_catalog.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

// The shipped MiniGPT-v2 model config, whose chat template the prompts use.
const ModelProfile& MiniGptV2Model() {
  static const ModelProfile model =
      *LoadModelProfile(testing::SourceDir() / "configs/models/minigptv2-7b.json");
  return model;
}

const TaskConfig& Task(const std::string& name) {
  static const TaskCatalog catalog = *TaskCatalog::Load(testing::SourceDir() / "configs");
  return **catalog.FindTask(name);
}

std::string PromptOf(const std::string& task, const Sample& sample) {
  auto prompt = RenderSamplePrompt(Task(task), "", {}, sample, MiniGptV2Model());
  return prompt.ok() ? prompt->prompt : prompt.error().message;
}

TEST(RealFiles, AllEightRefcocoSplitsHaveThePublishedCounts) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "refcoco");
  const std::vector<std::pair<std::string, std::size_t>> splits = {
      {"refcoco_val", 10834},   {"refcoco_testA", 5657},  {"refcoco_testB", 5095}, {"refcoco+_val", 10758},
      {"refcoco+_testA", 5726}, {"refcoco+_testB", 4889}, {"refcocog_val", 4896},  {"refcocog_test", 9602}};
  for (const auto& [task, count] : splits) {
    auto loaded = LoadTaskSamples(Task(task), testing::SharedDataDir());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->samples.size(), count) << task;
    EXPECT_TRUE(loaded->warnings.empty()) << task;
  }
}

TEST(RealFiles, RefcocoValFirstAndLastSamples) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "refcoco");
  auto loaded = LoadTaskSamples(Task("refcoco_val"), testing::SharedDataDir());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const auto& first = loaded->samples.front();
  EXPECT_EQ(first.id, 0);
  EXPECT_EQ(first.references.box_text, "[468.3,0.91,171.7,116.12]");
  EXPECT_EQ(first.references.box.x1, 468.3);
  EXPECT_EQ(first.references.box.x2, 468.3 + 171.7);
  EXPECT_EQ(first.references.image_width, 640);
  EXPECT_EQ(first.references.image_height, 428);
  EXPECT_EQ(first.image_candidates[0],
            testing::SharedDataDir() / "coco/train2014/COCO_train2014_000000580957.jpg");
  EXPECT_EQ(first.image_candidates[1], testing::SharedDataDir() / "coco/train2017/000000580957.jpg");
  EXPECT_EQ(
      PromptOf("refcoco_val", first),
      "<s>[INST] <Img><ImageHere></Img> [refer] give me the location of bowl behind the others can only see "
      "part [/INST]");
  const auto& last = loaded->samples.back();
  EXPECT_EQ(last.id, 10833);
  EXPECT_EQ(last.references.box_text, "[407.6,133.24,226.67,190.33]");
  EXPECT_EQ(PromptOf("refcoco_val", last),
            "<s>[INST] <Img><ImageHere></Img> [refer] give me the location of right guy above child [/INST]");
}

TEST(RealFiles, RefcocogTestFirstAndLastSamples) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "refcoco");
  auto loaded = LoadTaskSamples(Task("refcocog_test"), testing::SharedDataDir());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->samples.front().fields.at("sent"), "the man in yellow coat");
  EXPECT_EQ(loaded->samples.back().id, 9601);
  EXPECT_EQ(
      PromptOf("refcocog_test", loaded->samples.back()),
      "<s>[INST] <Img><ImageHere></Img> [refer] give me the location of person wearing floral shirt [/INST]");
}

TEST(RealFiles, VsrZeroShotTestFirstAndLastSamples) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "vsr/zeroshot_test.jsonl");
  auto loaded = LoadTaskSamples(Task("vsr"), testing::SharedDataDir());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->samples.size(), 1222u);
  EXPECT_TRUE(loaded->warnings.empty());
  std::size_t trues = 0;
  for (const auto& sample : loaded->samples) trues += sample.references.label == 1;
  EXPECT_EQ(trues, 629u);
  const auto& first = loaded->samples.front();
  EXPECT_EQ(first.id, 0);
  EXPECT_EQ(first.references.label, 1);
  EXPECT_EQ(first.image_candidates[0], testing::SharedDataDir() / "vsr/images/000000017697.jpg");
  EXPECT_EQ(PromptOf("vsr", first),
            "<s>[INST] <Img><ImageHere></Img> [vqa] Based on the image, is this statement true or false? The "
            "car is "
            "behind the suitcase. [/INST]");
  const auto& last = loaded->samples.back();
  EXPECT_EQ(last.id, 1221);
  EXPECT_EQ(last.references.label, 1);
  EXPECT_EQ(PromptOf("vsr", last),
            "<s>[INST] <Img><ImageHere></Img> [vqa] Based on the image, is this statement true or false? The "
            "cat is "
            "at the left side of the vase. [/INST]");
}

TEST(RealFiles, VsrWithoutIdentifierDropsTokenAndSpace) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "vsr/zeroshot_test.jsonl");
  auto loaded = LoadTaskSamples(Task("vsr"), testing::SharedDataDir());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  auto none = RenderSamplePrompt(Task("vsr"), "", *IdentifierChoice::Parse("none"), loaded->samples[0],
                                 MiniGptV2Model());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->prompt,
            "<s>[INST] <Img><ImageHere></Img> Based on the image, is this statement true or false? The car "
            "is behind "
            "the suitcase. [/INST]");
}

}  // namespace
}  // namespace vleval
