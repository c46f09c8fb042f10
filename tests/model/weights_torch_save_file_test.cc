#include "model/weights/torch_save_file.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/model/weights_fixtures.h"
#include "tests/model/weights_tensor_expect.h"

namespace vleval {
namespace {

class TorchSaveFileTest : public testing::WeightFixturesTest {
 protected:
  void ExpectAll(const NamedTensors& tensors, const std::string& file) {
    const auto& expected = fixtures_->expected.at(file);
    EXPECT_EQ(tensors.size(), expected.size());
    for (const auto& [name, description] : expected.items()) {
      ASSERT_EQ(tensors.count(name), 1u) << name;
      testing::ExpectTensorMatches(tensors.at(name), description, file + ":" + name);
    }
  }
};

TEST_F(TorchSaveFileTest, OrderedDictStateDictReadsEveryDtypeViewAndParameterExactly) {
  auto tensors = ReadTorchStateDict(fixtures_->dir / "vit.pth", StateDictLocation::kTopLevel);
  ASSERT_TRUE(tensors.ok()) << tensors.error().message;
  ExpectAll(*tensors, "vit.pth");
  EXPECT_EQ(tensors->at("view.transposed").strides().vec(), (std::vector<std::int64_t>{1, 6}));
}

TEST_F(TorchSaveFileTest, LegacyNonZipFormatReadsTheSameTensors) {
  auto tensors = ReadTorchStateDict(fixtures_->dir / "vit_legacy.pth", StateDictLocation::kTopLevel);
  ASSERT_TRUE(tensors.ok()) << tensors.error().message;
  ExpectAll(*tensors, "vit.pth");
}

TEST_F(TorchSaveFileTest, TruncatedLegacyFileIsAnErrorNamingTheFile) {
  const auto truncated = scratch_->path() / "legacy_truncated.pth";
  std::filesystem::copy_file(fixtures_->dir / "vit_legacy.pth", truncated,
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) - 3);
  auto tensors = ReadTorchStateDict(truncated, StateDictLocation::kTopLevel);
  ASSERT_FALSE(tensors.ok());
  EXPECT_NE(tensors.error().message.find(truncated.string() + ": storage '"), std::string::npos)
      << tensors.error().message;
  EXPECT_NE(tensors.error().message.find("(file is truncated)"), std::string::npos);
}

TEST_F(TorchSaveFileTest, CheckpointModelEntryIsReadAndUnknownClassesElsewhereAreSkipped) {
  auto tensors = ReadTorchStateDict(fixtures_->dir / "checkpoint.pth", StateDictLocation::kModelEntry);
  ASSERT_TRUE(tensors.ok()) << tensors.error().message;
  ExpectAll(*tensors, "checkpoint.pth");
  auto file = TorchSaveFile::Open(fixtures_->dir / "checkpoint.pth");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->root().Find("epoch")->integer, 3);
  EXPECT_EQ(file->root().Find("config")->text, "__main__.TrainingConfig");
}

TEST_F(TorchSaveFileTest, NestedLocationAcceptsBothPlainAndModelEntryFiles) {
  EXPECT_TRUE(ReadTorchStateDict(fixtures_->dir / "vit.pth", StateDictLocation::kTopLevelOrNested).ok());
  EXPECT_TRUE(
      ReadTorchStateDict(fixtures_->dir / "checkpoint.pth", StateDictLocation::kTopLevelOrNested).ok());
}

TEST_F(TorchSaveFileTest, UnexpectedLayoutNamesFileAndTopLevelKeys) {
  auto plain = ReadTorchStateDict(fixtures_->dir / "vit.pth", StateDictLocation::kModelEntry);
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.error().message.find("vit.pth: unexpected layout: expected {'model': state dict, ...}, "
                                       "found dict with keys ['cls_token'"),
            std::string::npos)
      << plain.error().message;
  auto checkpoint = ReadTorchStateDict(fixtures_->dir / "checkpoint.pth", StateDictLocation::kTopLevel);
  ASSERT_FALSE(checkpoint.ok());
  EXPECT_NE(checkpoint.error().message.find("'model', 'optimizer', 'config', 'epoch'"), std::string::npos)
      << checkpoint.error().message;
}

TEST_F(TorchSaveFileTest, TruncatedFileIsAnErrorNamingTheFile) {
  const auto source = fixtures_->dir / "vit.pth";
  const auto truncated = scratch_->path() / "truncated.pth";
  std::filesystem::copy_file(source, truncated, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(source) / 2);
  auto tensors = ReadTorchStateDict(truncated, StateDictLocation::kTopLevel);
  ASSERT_FALSE(tensors.ok());
  EXPECT_NE(tensors.error().message.find(truncated.string()), std::string::npos) << tensors.error().message;
}

TEST_F(TorchSaveFileTest, MissingFileIsAnErrorNamingIt) {
  auto tensors = ReadTorchStateDict(scratch_->path() / "absent.pth", StateDictLocation::kTopLevel);
  ASSERT_FALSE(tensors.ok());
  EXPECT_NE(tensors.error().message.find("absent.pth: cannot open"), std::string::npos)
      << tensors.error().message;
}

TEST_F(TorchSaveFileTest, TensorsAreWritableWithoutChangingTheFile) {
  const auto path = fixtures_->dir / "vit.pth";
  const auto before = std::filesystem::file_size(path);
  {
    auto tensors = ReadTorchStateDict(path, StateDictLocation::kTopLevel);
    ASSERT_TRUE(tensors.ok());
    tensors->at("cls_token").fill_(7.0);
  }
  auto again = ReadTorchStateDict(path, StateDictLocation::kTopLevel);
  ASSERT_TRUE(again.ok());
  testing::ExpectTensorMatches(again->at("cls_token"), fixtures_->expected["vit.pth"]["cls_token"],
                               "cls_token");
  EXPECT_EQ(std::filesystem::file_size(path), before);
}

}  // namespace
}  // namespace vleval
