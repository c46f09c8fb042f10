#include "model/weights/safetensors_file.h"

#include <fstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/weights/sharded_weights.h"
#include "tests/model/weights_fixtures.h"
#include "tests/model/weights_tensor_expect.h"

namespace vleval {
namespace {

TEST(SafetensorsFileTest, WriteThenReadRoundTripsDtypesShapesViewsAndMetadata) {
  testing::TempDir dir;
  NamedTensors tensors;
  tensors["f32"] = torch::arange(12, torch::kFloat32).reshape({3, 4}).t();  // non-contiguous
  tensors["f16"] = torch::linspace(-2, 2, 5).to(torch::kFloat16);
  tensors["bf16"] = torch::linspace(-3, 3, 7).to(torch::kBFloat16);
  tensors["i64"] = torch::tensor({-5, 9}, torch::kInt64);
  tensors["empty"] = torch::zeros({0, 2});
  tensors["scalar"] = torch::tensor(1.5);
  const auto path = dir.path() / "m.safetensors";
  ASSERT_TRUE(WriteSafetensors(path, tensors, {{"note", "x"}}).ok());
  std::uint64_t header_length = 0;
  std::ifstream(path, std::ios::binary).read(reinterpret_cast<char*>(&header_length), 8);
  EXPECT_EQ(header_length % 8, 0u) << "header is padded so the buffer starts 8-byte aligned";
  auto read = ReadSafetensors(path);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->metadata.at("note"), "x");
  ASSERT_EQ(read->tensors.size(), tensors.size());
  for (const auto& [name, tensor] : tensors) {
    EXPECT_EQ(read->tensors.at(name).scalar_type(), tensor.scalar_type()) << name;
    EXPECT_TRUE(torch::equal(read->tensors.at(name), tensor)) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
}

TEST(SafetensorsFileTest, TruncatedFileNamesFileAndTensor) {
  testing::TempDir dir;
  const auto path = dir.path() / "t.safetensors";
  ASSERT_TRUE(WriteSafetensors(path, {{"a", torch::ones({4})}, {"b", torch::ones({64})}}, {}).ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 10);
  auto read = ReadSafetensors(path);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find(path.string() + ": tensor 'b': data ends at byte"), std::string::npos)
      << read.error().message;
  EXPECT_NE(read.error().message.find("(file is truncated)"), std::string::npos);
}

TEST(SafetensorsFileTest, MissingFileNamesIt) {
  auto read = ReadSafetensors("/nonexistent/x.safetensors");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("/nonexistent/x.safetensors: cannot open"), std::string::npos);
}

TEST(SafetensorsFileTest, PythonWrittenShardsReadThroughTheirIndexExactly) {
  const auto fixtures = testing::MakeWeightFixtures();
  if (fixtures.skip) GTEST_SKIP() << fixtures.why_not;
  ASSERT_FALSE(fixtures.dir.empty()) << fixtures.why_not;
  for (const char* index : {"llama/model.safetensors.index.json", "llama_bin/pytorch_model.bin.index.json"}) {
    auto tensors = ReadShardedWeights(fixtures.dir / index);
    ASSERT_TRUE(tensors.ok()) << tensors.error().message;
    const auto& expected = fixtures.expected["llama"];
    EXPECT_EQ(tensors->size(), expected.size());
    for (const auto& [name, description] : expected.items()) {
      ASSERT_EQ(tensors->count(name), 1u) << index << " " << name;
      testing::ExpectTensorMatches(tensors->at(name), description, std::string(index) + ":" + name);
    }
  }
}

TEST(SafetensorsFileTest, IndexNamingATensorAbsentFromItsShardIsAnError) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteSafetensors(dir.path() / "s1.safetensors", {{"a", torch::ones({2})}}, {}).ok());
  {
    std::ofstream index(dir.path() / "model.safetensors.index.json");
    index << R"({"weight_map": {"a": "s1.safetensors", "b": "s1.safetensors"}})";
  }
  auto tensors = ReadShardedWeights(dir.path() / "model.safetensors.index.json");
  ASSERT_FALSE(tensors.ok());
  EXPECT_NE(
      tensors.error().message.find("s1.safetensors: tensor 'b' is listed in model.safetensors.index.json"),
      std::string::npos)
      << tensors.error().message;
}

}  // namespace
}  // namespace vleval
