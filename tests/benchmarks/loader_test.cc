// Every shipped task loads from the mini data root (benchmarks/mini_data_root.h)
// with the ids, prompts, references and images its loader documents.
#include "benchmarks/loader.h"

#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/model_profile.h"

#include "benchmarks/image_writer.h"
#include "benchmarks/mini_data_root.h"
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

class MiniRoot : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new testing::TempDir();
    // Failures are reported by SetUp (googletest would mark the suite skipped).
    if (auto written = WriteMiniDataRoot(root_->path()); !written.ok()) {
      setup_error_ = written.message();
      return;
    }
    auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
    if (!catalog.ok()) {
      setup_error_ = catalog.error().message;
      return;
    }
    catalog_ = new TaskCatalog(*catalog);
  }
  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }
  static void TearDownTestSuite() {
    delete root_;
    delete catalog_;
  }
  static LoadedSamples Load(const std::string& task) {
    auto loaded = LoadTaskSamples(**catalog_->FindTask(task), root_->path());
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : LoadedSamples{};
  }
  static std::string Prompt(const std::string& task, const Sample& sample, const std::string& variant = "") {
    auto prompt = RenderSamplePrompt(**catalog_->FindTask(task), variant, {}, sample, MiniGptV2Model());
    EXPECT_TRUE(prompt.ok()) << (prompt.ok() ? "" : prompt.error().message);
    return prompt.ok() ? prompt->prompt : "";
  }
  static testing::TempDir* root_;
  static inline std::string setup_error_;
  static TaskCatalog* catalog_;
};
testing::TempDir* MiniRoot::root_ = nullptr;
TaskCatalog* MiniRoot::catalog_ = nullptr;

TEST_F(MiniRoot, EveryTaskLoadsThreeSamplesWithExistingImages) {
  for (const auto& [name, config] : catalog_->tasks()) {
    auto loaded = Load(name);
    ASSERT_EQ(loaded.samples.size(), 3u) << name;
    for (const auto& sample : loaded.samples) {
      auto image = ResolveImage(sample, loaded.image_roots);
      EXPECT_TRUE(image.ok()) << name << ": " << (image.ok() ? "" : image.error().message);
      EXPECT_TRUE(RenderSamplePrompt(config, "", {}, sample, MiniGptV2Model()).ok()) << name;
    }
    // The published counts differ from the mini data's 3: listed, not fatal.
    if (config.expected_count) {
      ASSERT_EQ(loaded.warnings.size(), 1u) << name;
      EXPECT_NE(loaded.warnings[0].find("holds 3 samples, the published count is"), std::string::npos);
    }
  }
}

TEST_F(MiniRoot, OkvqaSampleHasQuestionIdAnswersAndTheVqaPrompt) {
  const auto loaded = Load("okvqa");
  const auto& sample = loaded.samples[0];
  EXPECT_EQ(sample.id, 90005);
  EXPECT_EQ(sample.references.answers.size(), 10u);
  EXPECT_EQ(sample.references.answers[0], "red");
  EXPECT_EQ(sample.image_candidates[0], root_->path() / "coco/val2014/COCO_val2014_000000009000.jpg");
  EXPECT_EQ(
      Prompt("okvqa", sample),
      "<s>[INST] <Img><ImageHere></Img> [vqa] Based on the image, respond to this question with a short "
      "answer: What is the color of the box? [/INST]");
}

TEST_F(MiniRoot, GqaOfficialDictKeepsFileOrderAndQuestionIds) {
  const auto loaded = Load("gqa");
  EXPECT_EQ(loaded.samples[0].id, 20000000);
  EXPECT_EQ(loaded.samples[2].id, 20000002);
  EXPECT_EQ(loaded.samples[1].references.answers, std::vector<std::string>{"left"});
  EXPECT_EQ(loaded.samples[1].image_candidates[0].filename(), "n100001.jpg");
}

TEST_F(MiniRoot, VsrIdsAreRowIndicesAndLabelsAreZeroOrOne) {
  const auto loaded = Load("vsr");
  EXPECT_EQ(loaded.samples[1].id, 1);
  EXPECT_EQ(loaded.samples[0].references.label, 1);
  EXPECT_EQ(loaded.samples[1].references.label, 0);
}

TEST_F(MiniRoot, IconvqaOfficialReleaseFollowsTheSplitList) {
  const auto loaded = Load("iconvqa");
  EXPECT_EQ(loaded.samples[2].id, 102);
  EXPECT_EQ(loaded.samples[2].references.label, 2);
  EXPECT_EQ(loaded.samples[2].references.choices, (std::vector<std::string>{"red", "left", "square"}));
  EXPECT_EQ(loaded.samples[2].image_candidates[0],
            root_->path() / "iconvqa/iconqa/val/choose_txt/102/image.png");
}

TEST_F(MiniRoot, VizwizIdIsTheImageFileNameAndThePromptKeepsItsPunctuation) {
  const auto loaded = Load("vizwiz");
  EXPECT_EQ(loaded.samples[0].id, "VizWiz_val_00000000.jpg");
  EXPECT_EQ(
      Prompt("vizwiz", loaded.samples[1]),
      "<s>[INST] <Img><ImageHere></Img> [vqa] The question is 'Where is the box?' Based on the image, answer "
      "the question with a single word or phrase. and reply 'unanswerable' when the provided information is "
      "insufficient [/INST]");
}

TEST_F(MiniRoot, HmPromptHasNoIdentifierAndKeepsTheTypo) {
  const auto loaded = Load("hm");
  EXPECT_EQ(loaded.samples[0].id, 42950);
  EXPECT_EQ(loaded.samples[1].references.label, 1);
  EXPECT_EQ(
      Prompt("hm", loaded.samples[0]),
      "<s>[INST] <Img><ImageHere></Img> This is an image writting 'have a nice day'. Is this image hateful? "
      "Answer yes or no. Answer: [/INST]");
}

TEST_F(MiniRoot, RefcocoRowsCarryBoxAndImageSize) {
  const auto loaded = Load("refcocog_test");
  EXPECT_EQ(loaded.samples[1].id, 1);
  const References& rec = loaded.samples[1].references;
  EXPECT_EQ(rec.box_text, "[12,8,30,20]");
  EXPECT_EQ(rec.box.x1, 12);
  EXPECT_EQ(rec.box.y1, 8);
  EXPECT_EQ(rec.box.x2, 42);
  EXPECT_EQ(rec.box.y2, 28);
  EXPECT_EQ(rec.image_width, 80);
  EXPECT_EQ(Prompt("refcocog_test", loaded.samples[0]),
            "<s>[INST] <Img><ImageHere></Img> [refer] give me the location of the red box [/INST]");
}

TEST_F(MiniRoot, ChairIdsAreCocoImageIdsAndEachVariantRenders) {
  const auto loaded = Load("chair");
  EXPECT_EQ(loaded.samples[0].id, 2239);
  EXPECT_EQ(loaded.samples[0].image_candidates[0],
            root_->path() / "coco/val2014/COCO_val2014_000000002239.jpg");
  EXPECT_EQ(
      Prompt("chair", loaded.samples[0], "grounded"),
      "<s>[INST] <Img><ImageHere></Img> [grounding] describe this image in as detailed as possible [/INST]");
  // The image list, the two COCO annotation files and CHAIR's five tables (digested by manifests).
  EXPECT_EQ(loaded.files.size(), 8u);
  EXPECT_EQ(loaded.files[3], root_->path() / "chair/synonyms.txt");
}

TEST_F(MiniRoot, MissingImageNamesTheSampleAndEveryPathTried) {
  auto loaded = Load("okvqa");
  std::filesystem::remove(loaded.samples[0].image_candidates[0]);
  auto image = ResolveImage(loaded.samples[0], loaded.image_roots);
  ASSERT_FALSE(image.ok());
  const auto& message = image.error().message;
  EXPECT_NE(message.find("sample 90005: image not found"), std::string::npos) << message;
  for (const auto& path : loaded.samples[0].image_candidates) {
    EXPECT_NE(message.find(path.string()), std::string::npos) << path;
  }
  EXPECT_EQ(loaded.samples[0].image_candidates.size(), 3u);
  ASSERT_TRUE(WriteMiniDataRoot(root_->path()).ok());
}

TEST_F(MiniRoot, ImageDirsOptionReplacesTheDefaultFolders) {
  TaskConfig config = **catalog_->FindTask("vsr");
  config.loader_options = {{"image_dirs", {"elsewhere"}}};
  auto loaded = LoadTaskSamples(config, root_->path());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->samples[0].image_candidates,
            std::vector<std::filesystem::path>{root_->path() / "elsewhere/000000017000.jpg"});
}

TEST_F(MiniRoot, UnknownLoaderOptionIsAnErrorNamingTheTask) {
  TaskConfig config = **catalog_->FindTask("vsr");
  config.loader_options = {{"imgae_dirs", {"x"}}};
  auto loaded = LoadTaskSamples(config, root_->path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("task 'vsr'"), std::string::npos) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find("imgae_dirs"), std::string::npos) << loaded.error().message;
}

TEST(Loaders, NamesEqualTheLoaderFieldsOfTheShippedTasks) {
  auto catalog = TaskCatalog::Load(testing::SourceDir() / "configs");
  ASSERT_TRUE(catalog.ok());
  for (const auto& [name, config] : catalog->tasks()) EXPECT_TRUE(Loaders().Contains(config.loader)) << name;
  EXPECT_EQ(Loaders().Names(),
            (std::vector<std::string>{"chair", "gqa", "hm", "iconvqa", "okvqa", "refcoco", "vizwiz", "vsr"}));
}

}  // namespace
}  // namespace vleval

namespace vleval {
namespace {

// The paper's new-identifier example: an emotion-recognition task that reuses
// the GQA list format needs only tests/benchmarks/affect_configs/tasks/affect.json.
TEST(NewTaskByConfig, AffectTaskLoadsAndRendersWithItsOwnIdentifier) {
  auto catalog = TaskCatalog::Load(testing::SourceDir() / "tests/benchmarks/affect_configs");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  testing::TempDir root;
  std::filesystem::create_directories(root.path() / "affect");
  std::ofstream(root.path() / "affect/questions.json")
      << R"([{"image": "face1.jpg", "question": "Which emotion does this person show?", "answer": "joy",)"
      << R"( "question_id": "a1"}])";
  ASSERT_TRUE(WriteJpeg(root.path() / "affect/images/face1.jpg", RgbImage(8, 8, 1, 2, 3)).ok());

  const TaskConfig& affect = **catalog->FindTask("affect");
  auto loaded = LoadTaskSamples(affect, root.path());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Sample& sample = loaded->samples.at(0);
  EXPECT_EQ(sample.id, "a1");
  EXPECT_EQ(sample.references.answers, std::vector<std::string>{"joy"});
  EXPECT_TRUE(ResolveImage(sample, loaded->image_roots).ok());
  auto entries = catalog->ExpandSuite("affect-demo");
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> prompts;
  for (const auto& entry : *entries) {
    auto rendered = RenderSamplePrompt(affect, entry.variant, *IdentifierChoice::Parse(entry.identifier),
                                       sample, MiniGptV2Model());
    ASSERT_TRUE(rendered.ok());
    prompts.push_back(rendered->prompt);
  }
  EXPECT_EQ(prompts,
            (std::vector<std::string>{
                "<s>[INST] <Img><ImageHere></Img> [affect] Which emotion does this person show? [/INST]",
                "<s>[INST] <Img><ImageHere></Img> Which emotion does this person show? [/INST]"}));
}

}  // namespace
}  // namespace vleval
