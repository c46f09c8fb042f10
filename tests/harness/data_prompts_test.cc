// Prompts rendered from a data root (what `vleval tasks --show-prompt` and
// `vleval validate` print): every shipped task on the mini root.
#include "harness/data_prompts.h"

#include <gtest/gtest.h>

#include "benchmarks/mini_data_root.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(DataPrompts, EveryTaskRendersTheExactTokenizerInput) {
  testing::TempDir root;
  ASSERT_TRUE(WriteMiniDataRoot(root.path()).ok());
  auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
  ASSERT_TRUE(catalog.ok());
  const std::string vqa =
      "[vqa] Based on the image, respond to this question with a short answer: Where is the box?";
  const std::vector<std::pair<RunEntry, std::string>> expected = {
      {{"okvqa", "", "default"}, vqa},
      {{"gqa", "", "default"}, vqa},
      {{"iconvqa", "", "default"}, vqa},
      {{"vsr", "", "default"},
       "[vqa] Based on the image, is this statement true or false? The dog is under the table."},
      {{"vizwiz", "", "default"},
       "[vqa] The question is 'Where is the box?' Based on the image, answer the question with a single word "
       "or "
       "phrase. and reply 'unanswerable' when the provided information is insufficient"},
      {{"hm", "", "default"},
       "This is an image writting 'look at this'. Is this image hateful? Answer yes or no. Answer:"},
      {{"refcoco+_testB", "", "default"}, "[refer] give me the location of left block"},
      {{"refcocog_val", "", "none"}, "give me the location of left block"},
      {{"chair", "", "default"}, "generate a brief description of the given image"},
      {{"chair", "short", "default"}, "[caption] briefly describe the image"},
  };
  for (const auto& [entry, text] : expected) {
    auto prompts = RenderPrompts(*catalog, entry, "", root.path(), 1, 5);
    ASSERT_TRUE(prompts.ok()) << entry.task << ": " << prompts.error().message;
    ASSERT_EQ(prompts->size(), 2u) << entry.task;  // samples 1 and 2 of 3
    EXPECT_EQ(prompts->front().prompt, "<s>[INST] <Img><ImageHere></Img> " + text + " [/INST]") << entry.task;
    EXPECT_TRUE(prompts->front().image_found) << prompts->front().image;
    EXPECT_EQ(prompts->front().index, 1u);
  }
}

TEST(DataPrompts, DataRootMustBeGivenAndExist) {
  EXPECT_FALSE(ResolveDataRoot("/nonexistent/vleval-data").ok());
  testing::TempDir root;
  EXPECT_EQ(*ResolveDataRoot(root.path().string()), root.path());
}

}  // namespace
}  // namespace vleval
