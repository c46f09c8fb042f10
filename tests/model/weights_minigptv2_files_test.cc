#include "model/weights/minigptv2_files.h"

#include <fstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/weights/converted_minigptv2.h"
#include "model/weights/safetensors_file.h"
#include "tests/model/weights_fixtures.h"
#include "tests/model/weights_tensor_expect.h"

namespace vleval {
namespace {

class MiniGptV2FilesTest : public testing::WeightFixturesTest {
 protected:
  static MiniGptV2Files Files(const std::string& llama = "llama") {
    return {fixtures_->dir / llama, fixtures_->dir / "vit.pth", fixtures_->dir / "checkpoint.pth"};
  }
  static void ExpectAll(const NamedTensors& tensors, const nlohmann::json& expected) {
    EXPECT_EQ(tensors.size(), expected.size());
    for (const auto& [name, description] : expected.items()) {
      ASSERT_EQ(tensors.count(name), 1u) << name;
      testing::ExpectTensorMatches(tensors.at(name), description, name);
    }
  }
  // A copy of the llama folder in which `edit` rewrote its single-file weights.
  static std::filesystem::path EditedLlama(const std::string& name, void (*edit)(NamedTensors&)) {
    auto weights = LoadMiniGptV2Files(Files());
    EXPECT_TRUE(weights.ok());
    const auto dir = scratch_->path() / name;
    std::filesystem::create_directories(dir);
    for (const char* file : {"config.json", "tokenizer.model"}) {
      std::filesystem::copy_file(fixtures_->dir / "llama" / file, dir / file);
    }
    NamedTensors llama;
    for (const auto& [key, tensor] : weights->llama) llama[key] = tensor.clone();
    edit(llama);
    EXPECT_TRUE(WriteSafetensors(dir / "model.safetensors", llama, {}).ok());
    return dir;
  }
};

TEST_F(MiniGptV2FilesTest, LoadsTheThreeInputsAsShippedInBothLlamaLayouts) {
  for (const char* llama : {"llama", "llama_bin"}) {
    auto weights = LoadMiniGptV2Files(Files(llama));
    ASSERT_TRUE(weights.ok()) << weights.error().message;
    ExpectAll(weights->llama, fixtures_->expected["llama"]);
    ExpectAll(weights->vit, fixtures_->expected["vit.pth"]);
    ExpectAll(weights->checkpoint, fixtures_->expected["checkpoint.pth"]);
    EXPECT_EQ(weights->llama_config.at("num_hidden_layers").get<int>(), 2);
    EXPECT_EQ(weights->tokenizer_model, fixtures_->dir / llama / "tokenizer.model");
  }
}

TEST_F(MiniGptV2FilesTest, MissingFilesAreNamed) {
  auto files = Files();
  files.vit_path = fixtures_->dir / "no_vit.pth";
  auto weights = LoadMiniGptV2Files(files);
  ASSERT_FALSE(weights.ok());
  EXPECT_NE(weights.error().message.find("no_vit.pth: cannot open"), std::string::npos)
      << weights.error().message;
  files = Files("no_llama");
  weights = LoadMiniGptV2Files(files);
  ASSERT_FALSE(weights.ok());
  EXPECT_NE(weights.error().message.find("no_llama: no such LLaMA folder"), std::string::npos);
}

TEST_F(MiniGptV2FilesTest, CheckpointWithoutModelEntryIsAnUnexpectedLayout) {
  auto files = Files();
  files.checkpoint_path = fixtures_->dir / "vit.pth";
  auto weights = LoadMiniGptV2Files(files);
  ASSERT_FALSE(weights.ok());
  EXPECT_NE(weights.error().message.find("vit.pth: unexpected layout: expected {'model': state dict, ...}"),
            std::string::npos)
      << weights.error().message;
}

TEST_F(MiniGptV2FilesTest, WrongShapeNamesFileTensorAndBothShapes) {
  const auto dir = EditedLlama("wrong_shape", [](NamedTensors& llama) {
    llama["model.layers.1.mlp.up_proj.weight"] = torch::zeros({5, 8});
  });
  auto files = Files();
  files.llama_dir = dir;
  auto weights = LoadMiniGptV2Files(files);
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().message, dir.string() +
                                         ": tensor 'model.layers.1.mlp.up_proj.weight' has shape [5, 8], "
                                         "expected [12, 8] (-1: any)");
}

TEST_F(MiniGptV2FilesTest, MissingTensorNamesFileAndTensor) {
  const auto dir =
      EditedLlama("missing_tensor", [](NamedTensors& llama) { llama.erase("model.norm.weight"); });
  auto files = Files();
  files.llama_dir = dir;
  auto weights = LoadMiniGptV2Files(files);
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().message, dir.string() + ": tensor 'model.norm.weight' is missing");
}

TEST_F(MiniGptV2FilesTest, ConvertedFileLoadsTheSameTensorsAndRecordsSources) {
  const auto out = scratch_->path() / "converted.safetensors";
  ASSERT_TRUE(ConvertMiniGptV2(Files("llama_bin"), out).ok());
  auto weights = LoadConvertedMiniGptV2(out);
  ASSERT_TRUE(weights.ok()) << weights.error().message;
  ExpectAll(weights->llama, fixtures_->expected["llama"]);
  ExpectAll(weights->vit, fixtures_->expected["vit.pth"]);
  ExpectAll(weights->checkpoint, fixtures_->expected["checkpoint.pth"]);
  EXPECT_EQ(weights->llama_config.at("vocab_size").get<int>(), 16);
  EXPECT_EQ(weights->tokenizer_model, scratch_->path() / "converted.tokenizer.model");
  auto contents = ReadSafetensors(out);
  ASSERT_TRUE(contents.ok());
  EXPECT_EQ(contents->metadata.at("format"), kConvertedFormat);
  EXPECT_EQ(contents->metadata.at("sha256.vit").size(), 64u);
  EXPECT_NE(contents->metadata.at("sha256.vit"), contents->metadata.at("sha256.checkpoint"));
}

TEST_F(MiniGptV2FilesTest, PlainSafetensorsIsNotMistakenForAConvertedFile) {
  auto weights = LoadConvertedMiniGptV2(fixtures_->dir / "llama" / "model-00001-of-00002.safetensors");
  ASSERT_FALSE(weights.ok());
  EXPECT_NE(weights.error().message.find("not a file written by `vleval convert`"), std::string::npos);
}

}  // namespace
}  // namespace vleval
