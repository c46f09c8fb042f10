#include "model/weights/llama_folder.h"

#include <fstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/weights/safetensors_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

void WriteConfigAndTokenizer(const std::filesystem::path& dir) {
  std::ofstream(dir / "config.json") << R"({"hidden_size": 4})";
  std::ofstream(dir / "tokenizer.model") << "spm";
}

TEST(LlamaFolderTest, BareSafetensorsShardsWithoutIndexAreMergedInNameOrder) {
  testing::TempDir dir;
  WriteConfigAndTokenizer(dir.path());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "b.safetensors", {{"y", torch::ones({2})}}, {}).ok());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "a.safetensors", {{"x", torch::zeros({3})}}, {}).ok());
  auto folder = ReadLlamaFolder(dir.path());
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  EXPECT_EQ(folder->tensors.size(), 2u);
  EXPECT_EQ(folder->tensors.at("x").numel(), 3);
  EXPECT_EQ(folder->config.at("hidden_size").get<int>(), 4);
  EXPECT_EQ(folder->weight_files,
            (std::vector<std::filesystem::path>{dir.path() / "a.safetensors", dir.path() / "b.safetensors"}));
}

TEST(LlamaFolderTest, SingleModelSafetensorsIsPreferredOverBareShards) {
  testing::TempDir dir;
  WriteConfigAndTokenizer(dir.path());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "model.safetensors", {{"m", torch::ones({1})}}, {}).ok());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "other.safetensors", {{"o", torch::ones({1})}}, {}).ok());
  auto folder = ReadLlamaFolder(dir.path());
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  EXPECT_EQ(folder->tensors.count("m"), 1u);
  EXPECT_EQ(folder->tensors.count("o"), 0u);
}

TEST(LlamaFolderTest, DuplicateTensorAcrossBareShardsIsAnError) {
  testing::TempDir dir;
  WriteConfigAndTokenizer(dir.path());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "a.safetensors", {{"w", torch::ones({1})}}, {}).ok());
  ASSERT_TRUE(WriteSafetensors(dir.path() / "b.safetensors", {{"w", torch::ones({1})}}, {}).ok());
  auto folder = ReadLlamaFolder(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("b.safetensors: tensor 'w' is also in another shard"),
            std::string::npos);
}

TEST(LlamaFolderTest, MissingPiecesAreNamed) {
  testing::TempDir dir;
  auto no_config = ReadLlamaFolder(dir.path());
  ASSERT_FALSE(no_config.ok());
  EXPECT_NE(no_config.error().message.find("config.json"), std::string::npos);
  std::ofstream(dir.path() / "config.json") << "{}";
  auto no_tokenizer = ReadLlamaFolder(dir.path());
  ASSERT_FALSE(no_tokenizer.ok());
  EXPECT_NE(no_tokenizer.error().message.find("tokenizer.model: missing"), std::string::npos);
  std::ofstream(dir.path() / "tokenizer.model") << "spm";
  auto no_weights = ReadLlamaFolder(dir.path());
  ASSERT_FALSE(no_weights.ok());
  EXPECT_NE(no_weights.error().message.find(": no LLaMA weights"), std::string::npos);
}

TEST(LlamaFolderTest, IndexShardOutsideTheFolderIsRefusedBeforeItIsOpened) {
  testing::TempDir outside;
  ASSERT_TRUE(WriteSafetensors(outside.path() / "secret.safetensors", {{"w", torch::ones({1})}}, {}).ok());
  testing::TempDir dir;
  WriteConfigAndTokenizer(dir.path());
  std::filesystem::create_symlink(outside.path(), dir.path() / "link");
  const std::string names[] = {"../" + outside.path().filename().string() + "/secret.safetensors",
                               (outside.path() / "secret.safetensors").string(), "link/secret.safetensors"};
  for (const auto& name : names) {
    std::ofstream(dir.path() / "model.safetensors.index.json")
        << R"({"weight_map": {"w": ")" << name << R"("}})";
    auto folder = ReadLlamaFolder(dir.path());
    ASSERT_FALSE(folder.ok()) << name;
    EXPECT_NE(
        folder.error().message.find("shard '" + name + "' of weight_map['w'] is outside the model folder"),
        std::string::npos)
        << folder.error().message;
  }
}

}  // namespace
}  // namespace vleval
