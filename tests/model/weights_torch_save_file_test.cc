#include "model/weights/torch_save_file.h"

#include <cstdint>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/model/weights_fixtures.h"
#include "tests/model/weights_tensor_expect.h"
#include "tests/support/testing.h"

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

// Pickle pieces for a hand-written torch.save archive.
std::string PickleString(const std::string& text) {
  std::string out = "X";
  const auto length = static_cast<std::uint32_t>(text.size());
  out.append(reinterpret_cast<const char*>(&length), 4);
  return out + text;
}
std::string PickleInt64(std::int64_t value) {
  std::string out = "\x8a\x08";
  out.append(reinterpret_cast<const char*>(&value), 8);
  return out;
}

// {"w": _rebuild_tensor_v2(storage of 2 floats, 0, size (3, 3), stride (2^62, 2^62))}: the
// view's last element, 2 * 2^62 + 2 * 2^62, does not fit in 64 bits.
TEST(TorchSaveFileStrides, StridesWhoseExtentOverflowsAreAnErrorNotAWrappedBoundsCheck) {
  testing::TempDir dir;
  const std::int64_t huge = std::int64_t{1} << 62;
  const std::string pickle = std::string("\x80\x02}") + PickleString("w") +
                             "ctorch._utils\n_rebuild_tensor_v2\n(" + "(" + PickleString("storage") +
                             "ctorch\nFloatStorage\n" + PickleString("0") + PickleString("cpu") + "K\x02tQ" +
                             "K" + std::string(1, '\0') + "K\x03K\x03\x86" + PickleInt64(huge) +
                             PickleInt64(huge) + "\x86\x89" + "ccollections\nOrderedDict\n)R" + "tRs.";
  std::ofstream(dir.path() / "data.pkl", std::ios::binary) << pickle;
  const auto path = dir.path() / "strides.pth";
  std::ofstream(dir.path() / "make.py") << "import zipfile,sys\n"
                                           "z=zipfile.ZipFile(sys.argv[1],'w')\n"
                                           "z.writestr('archive/data.pkl',open(sys.argv[2],'rb').read())\n"
                                           "z.writestr('archive/data/0',b'\\0'*8)\n"
                                           "z.close()\n";
  if (testing::RunCommand("/usr/bin/python3 " + (dir.path() / "make.py").string() + " " + path.string() +
                          " " + (dir.path() / "data.pkl").string())
          .exit_code != 0) {
    GTEST_SKIP() << "/usr/bin/python3 cannot write a zip";
  }
  auto tensors = ReadTorchStateDict(path, StateDictLocation::kTopLevel);
  ASSERT_FALSE(tensors.ok());
  EXPECT_NE(tensors.error().message.find(path.string() + ": tensor 'w': size x stride overflows 64 bits"),
            std::string::npos)
      << tensors.error().message;
}

}  // namespace
}  // namespace vleval
