// Annotation files written by a hostile user: each crafted input is a clear
// error naming the file and line or sample, never a crash, a hang or a read
// outside the data root (LoadTaskSamples and ResolveImage).
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/loader.h"
#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "core/path_containment.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(WriteMiniDataRoot(root_.path()).ok()); }

  void Write(const std::string& relative, const std::string& text) {
    std::ofstream(root_.path() / relative, std::ios::binary) << text;
  }
  static const TaskCatalog& Catalog() {
    static const TaskCatalog catalog = *TaskCatalog::Load(testing::SourceDir() / "configs");
    return catalog;
  }
  Result<LoadedSamples> Load(const std::string& task) {
    return LoadTaskSamples(**Catalog().FindTask(task), root_.path());
  }
  std::string ErrorOf(const std::string& task) {
    auto loaded = Load(task);
    return loaded.ok() ? "loaded without error" : loaded.error().message;
  }
  // The error of resolving the first sample's image, or "resolved".
  std::string ImageErrorOf(const std::string& task) {
    auto loaded = Load(task);
    if (!loaded.ok()) return "load failed: " + loaded.error().message;
    auto image = ResolveImage(loaded->samples.at(0), loaded->image_roots);
    return image.ok() ? "resolved " + image->string() : image.error().message;
  }
  std::string Path(const std::string& relative) const { return (root_.path() / relative).string(); }
  std::string ResolvedRoot() const { return ResolvedPath(root_.path()).string(); }

  testing::TempDir root_;
  testing::TempDir outside_;
};

TEST_F(Hostile, DeeplyNestedJsonLineIsAnErrorNamingFileAndLine) {
  Write("hm/dev.jsonl", "{\"id\": 1, \"img\": \"img/1.png\", \"label\": 0, \"text\": \"a\"}\n{\"id\": " +
                            std::string(200000, '[') + "\n");
  const auto message = ErrorOf("hm");
  EXPECT_NE(message.find(Path("hm/dev.jsonl") + ":2: malformed JSON line: nested deeper than 512 levels"),
            std::string::npos)
      << message.substr(0, 300);
}

TEST_F(Hostile, DeeplyNestedJsonFileIsAnError) {
  Write("vizwiz/val.json", std::string(1'000'000, '[') + std::string(1'000'000, ']'));
  EXPECT_NE(ErrorOf("vizwiz").find(Path("vizwiz/val.json") + ": malformed JSON: nested deeper than 512"),
            std::string::npos);
}

TEST_F(Hostile, DuplicateKeyInAnAnnotationFileIsAnError) {
  Write("okvqa/mscoco_val2014_annotations.json", R"({"annotations": [], "annotations": []})");
  EXPECT_NE(ErrorOf("okvqa").find(Path("okvqa/mscoco_val2014_annotations.json") +
                                  ":1 (byte 20): duplicate key 'annotations'"),
            std::string::npos)
      << ErrorOf("okvqa");
}

TEST_F(Hostile, DuplicateQuestionIdInTheGqaDictIsAnError) {
  Write(
      "gqa/testdev_balanced_questions.json",
      R"({"q1": {"imageId": "n1", "question": "a?", "answer": "x"}, "q1": {"imageId": "n2", "question": "b?", )"
      R"("answer": "y"}})");
  EXPECT_NE(ErrorOf("gqa").find("duplicate key 'q1'"), std::string::npos) << ErrorOf("gqa");
}

TEST_F(Hostile, NumberBeyondTheDoubleRangeIsAnErrorQuotingAPrefix) {
  Write("vizwiz/val.json", "[1" + std::string(100000, '0') + "]");
  const auto message = ErrorOf("vizwiz");
  EXPECT_NE(message.find(Path("vizwiz/val.json") + ": malformed JSON: "), std::string::npos)
      << message.substr(0, 300);
  EXPECT_LT(message.size(), 400u);
}

TEST_F(Hostile, IntegerAboveTheInt64RangeIsAnErrorNotAWrappedId) {
  Write("hm/dev.jsonl",
        "{\"id\": 1, \"img\": \"img/1.png\", \"label\": 18446744073709551615, \"text\": \"a\"}\n");
  EXPECT_NE(ErrorOf("hm").find("'label' is out of the 64-bit integer range"), std::string::npos)
      << ErrorOf("hm");
  Write("hm/dev.jsonl",
        "{\"id\": 9223372036854775808, \"img\": \"img/1.png\", \"label\": 0, \"text\": \"a\"}\n");
  EXPECT_NE(ErrorOf("hm").find("'id' is out of the 64-bit integer range"), std::string::npos)
      << ErrorOf("hm");
}

TEST_F(Hostile, WrongTypeMessageQuotesOnlyAPrefixOfTheValue) {
  const std::string long_text(100000, 'z');
  Write("vsr/test.jsonl", "{\"image\": \"x.jpg\", \"caption\": [\"" + long_text + "\"], \"label\": 1}\n");
  auto message = ErrorOf("vsr");
  EXPECT_NE(message.find("'caption' must be a string, got an array of 1"), std::string::npos) << message;
  EXPECT_LT(message.size(), 400u);
  Write("vsr/test.jsonl", "{\"image\": \"x.jpg\", \"caption\": \"c\", \"label\": \"" + long_text + "\"}\n");
  message = ErrorOf("vsr");
  EXPECT_NE(message.find("'label' must be an integer, got \"" + std::string(60, 'z') + "...\""),
            std::string::npos)
      << message.substr(0, 300);
  EXPECT_LT(message.size(), 400u);
}

TEST_F(Hostile, AbsoluteImagePathOutsideTheDataRootIsNotRead) {
  std::ofstream(outside_.path() / "secret.jpg") << "secret";
  Write("vizwiz/val.json", R"([{"image": ")" + (outside_.path() / "secret.jpg").string() +
                               R"(", "question": "q", "answers": [{"answer": "a"}]}])");
  const auto message = ImageErrorOf("vizwiz");
  EXPECT_NE(message.find("image path outside the data root " + ResolvedRoot()), std::string::npos) << message;
  EXPECT_NE(message.find((outside_.path() / "secret.jpg").string()), std::string::npos) << message;
}

TEST_F(Hostile, ImagePathClimbingOutWithDotDotIsNotRead) {
  std::ofstream(outside_.path() / "secret.png") << "secret";
  const std::string climb = "../../../../../../../../../.." + (outside_.path() / "secret.png").string();
  Write("hm/dev.jsonl", "{\"id\": 1, \"img\": \"" + climb + "\", \"label\": 0, \"text\": \"a\"}\n");
  EXPECT_NE(ImageErrorOf("hm").find("image path outside the data root"), std::string::npos)
      << ImageErrorOf("hm");
}

TEST_F(Hostile, SymlinkOutOfTheDataRootIsNotFollowed) {
  std::ofstream(outside_.path() / "secret.jpg") << "secret";
  std::filesystem::create_symlink(outside_.path() / "secret.jpg", root_.path() / "vizwiz/val/link.jpg");
  Write("vizwiz/val.json", R"([{"image": "link.jpg", "question": "q", "answers": [{"answer": "a"}]}])");
  EXPECT_NE(ImageErrorOf("vizwiz").find("image path outside the data root"), std::string::npos)
      << ImageErrorOf("vizwiz");
}

TEST_F(Hostile, SymlinkInsideTheDataRootAndConfiguredFoldersAreFine) {
  std::filesystem::create_symlink(root_.path() / "vizwiz/val/VizWiz_val_00000000.jpg",
                                  root_.path() / "vizwiz/val/link.jpg");
  Write("vizwiz/val.json", R"([{"image": "link.jpg", "question": "q", "answers": [{"answer": "a"}]}])");
  EXPECT_EQ(ImageErrorOf("vizwiz").rfind("resolved ", 0), 0u) << ImageErrorOf("vizwiz");
}

TEST_F(Hostile, SymlinkLoopAndOverlongNameAreMissingImagesNotExceptions) {
  std::filesystem::create_symlink(root_.path() / "vizwiz/val/loop.jpg", root_.path() / "vizwiz/val/loop.jpg");
  Write("vizwiz/val.json", R"([{"image": "loop.jpg", "question": "q", "answers": [{"answer": "a"}]}])");
  EXPECT_NE(ImageErrorOf("vizwiz").find("image not found"), std::string::npos) << ImageErrorOf("vizwiz");
  Write("vizwiz/val.json", R"([{"image": ")" + std::string(100000, 'x') +
                               R"(", "question": "q", "answers": [{"answer": "a"}]}])");
  const auto message = ImageErrorOf("vizwiz");
  EXPECT_NE(message.find("image not found"), std::string::npos) << message.substr(0, 300);
}

TEST_F(Hostile, FifoImageIsNotARegularFileAndNeverBlocks) {
  std::filesystem::remove(root_.path() / "vizwiz/val/VizWiz_val_00000000.jpg");
  ASSERT_EQ(::mkfifo((root_.path() / "vizwiz/val/VizWiz_val_00000000.jpg").c_str(), 0600), 0);
  const auto message = ImageErrorOf("vizwiz");
  EXPECT_NE(message.find("VizWiz_val_00000000.jpg (not a regular file)"), std::string::npos) << message;
}

TEST_F(Hostile, FifoAnnotationFileIsAClearErrorNotAHang) {
  std::filesystem::remove(root_.path() / "vsr/test.jsonl");
  ASSERT_EQ(::mkfifo((root_.path() / "vsr/test.jsonl").c_str(), 0600), 0);
  EXPECT_NE(ErrorOf("vsr").find(Path("vsr/test.jsonl") + ": a FIFO, not a regular file"), std::string::npos)
      << ErrorOf("vsr");
}

}  // namespace
}  // namespace vleval
