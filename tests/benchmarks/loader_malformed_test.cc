// Malformed annotation files: each is a clear error naming the file and the
// line or sample (or, for a count mismatch, a listed warning), never a crash.
#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/loader.h"
#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

class Malformed : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(WriteMiniDataRoot(root_.path()).ok()); }

  void Write(const std::string& relative, const std::string& text) {
    std::ofstream(root_.path() / relative, std::ios::binary) << text;
  }

  std::string ErrorOf(const std::string& task) {
    static const TaskCatalog catalog = *TaskCatalog::Load(testing::SourceDir() / "configs");
    auto loaded = LoadTaskSamples(**catalog.FindTask(task), root_.path());
    return loaded.ok() ? "loaded without error" : loaded.error().message;
  }

  std::string Path(const std::string& relative) const { return (root_.path() / relative).string(); }

  testing::TempDir root_;
};

TEST_F(Malformed, TruncatedJsonNamesTheFileAndPosition) {
  Write("vizwiz/val.json", R"([{"image": "a.jpg", "question": "q", "answers": [)");
  const auto message = ErrorOf("vizwiz");
  EXPECT_NE(message.find(Path("vizwiz/val.json") + ": malformed JSON"), std::string::npos) << message;
  EXPECT_NE(message.find("line 1"), std::string::npos) << message;
}

TEST_F(Malformed, OkvqaRecordsNameFilePositionListIndexAndKey) {
  Write("okvqa/OpenEnded_mscoco_val2014_questions.json",
        "{\"questions\": [{\"image_id\": 1, \"question\": \"q?\", \"question_id\": 10},\n"
        " {\"image_id\": 2, \"question\": \"q?\", \"question_id\": \"" +
            std::string(500, 'x') + "\"}]}");
  const auto type = ErrorOf("okvqa");
  EXPECT_NE(type.find(Path("okvqa/OpenEnded_mscoco_val2014_questions.json") +
                      ":2 (byte 70): questions[1]: 'question_id' must be an integer, got \"xxx"),
            std::string::npos)
      << type;
  EXPECT_LT(type.size(), 400u) << "the offending value is quoted by a short prefix only";

  Write("okvqa/OpenEnded_mscoco_val2014_questions.json",
        R"({"questions": [{"image_id": 1, "question": "q?", "question_id": 10, "image_id": 3}]})");
  EXPECT_NE(ErrorOf("okvqa").find(":1 (byte 15): questions[0]: duplicate key 'image_id'"), std::string::npos)
      << ErrorOf("okvqa");

  Write("okvqa/mscoco_val2014_annotations.json",
        R"({"annotations": [{"question_id": 10, "answers": [{"answer_id": 1}]}]})");
  Write("okvqa/OpenEnded_mscoco_val2014_questions.json",
        R"({"questions": [{"image_id": 1, "question": "q?", "question_id": 10}]})");
  EXPECT_NE(ErrorOf("okvqa").find(":1 (byte 17): annotations[0]: answers[0]: 'answer' is missing"),
            std::string::npos)
      << ErrorOf("okvqa");

  Write("okvqa/mscoco_val2014_annotations.json",
        "{\"annotations\": " + std::string(600, '[') + std::string(600, ']') + "}");
  EXPECT_NE(ErrorOf("okvqa").find("nesting deeper than 512 levels"), std::string::npos) << ErrorOf("okvqa");
}

TEST_F(Malformed, TruncatedJsonLineNamesTheLine) {
  Write("hm/dev.jsonl",
        "{\"id\": 1, \"img\": \"img/1.png\", \"label\": 0, \"text\": \"a\"}\n{\"id\": 2, \"img\"\n");
  EXPECT_NE(ErrorOf("hm").find(Path("hm/dev.jsonl") + ":2: malformed JSON line"), std::string::npos);
}

TEST_F(Malformed, MissingFieldNamesFileLineAndField) {
  Write("vsr/test.jsonl",
        "{\"image\": \"x.jpg\", \"caption\": \"c\", \"label\": 1}\n{\"image\": \"y.jpg\", \"label\": 0}\n");
  EXPECT_EQ(ErrorOf("vsr"), "task 'vsr': " + Path("vsr/test.jsonl") + ":2 (sample 1): 'caption' is missing");
}

TEST_F(Malformed, WrongTypeNamesTheSampleAndTheValue) {
  Write(
      "refcoco/refcoco_val.json",
      R"([{"img_id": "COCO_train2014_000000000001_0", "sents": "a", "bbox": [1, 2, 3], "height": 5, "width": 5}])");
  EXPECT_NE(ErrorOf("refcoco_val")
                .find(Path("refcoco/refcoco_val.json") +
                      ": [0]: 'bbox' must be 4 numbers [x, y, w, h], got [1,2,3]"),
            std::string::npos);
  Write(
      "refcoco/refcoco_val.json",
      R"([{"img_id": "COCO_train2014_000000000001_0", "sents": 7, "bbox": [1, 2, 3, 4], "height": 5, "width": 5}])");
  EXPECT_NE(ErrorOf("refcoco_val").find(": [0]: 'sents' must be a string, got 7"), std::string::npos);
}

TEST_F(Malformed, EmptyFileSaysItHoldsNoSamples) {
  Write("vsr/test.jsonl", "");
  EXPECT_EQ(ErrorOf("vsr"), "task 'vsr': " + Path("vsr/test.jsonl") + " holds no samples");
  Write("gqa/testdev_balanced_questions.json", "");
  EXPECT_NE(ErrorOf("gqa").find(Path("gqa/testdev_balanced_questions.json") + ": malformed JSON"),
            std::string::npos);
}

TEST_F(Malformed, MissingFileNamesIt) {
  std::filesystem::remove(root_.path() / "okvqa/mscoco_val2014_annotations.json");
  EXPECT_NE(ErrorOf("okvqa").find("cannot open " + Path("okvqa/mscoco_val2014_annotations.json")),
            std::string::npos);
}

TEST_F(Malformed, DuplicatedIdNamesBothPositions) {
  Write("hm/dev.jsonl",
        "{\"id\": 7, \"img\": \"img/7.png\", \"label\": 0, \"text\": \"a\"}\n"
        "{\"id\": 8, \"img\": \"img/8.png\", \"label\": 1, \"text\": \"b\"}\n"
        "{\"id\": 7, \"img\": \"img/7.png\", \"label\": 0, \"text\": \"a\"}\n");
  EXPECT_EQ(ErrorOf("hm"),
            "task 'hm': " + Path("hm/dev.jsonl") + ": sample id 7 appears twice (samples 0 and 2)");
}

TEST_F(Malformed, QuestionWithoutAnnotationIsNamed) {
  Write("okvqa/mscoco_val2014_annotations.json", R"({"annotations": []})");
  EXPECT_NE(ErrorOf("okvqa").find("no annotation for question 90005"), std::string::npos);
}

TEST_F(Malformed, IconvqaAnswerOutsideTheChoicesIsNamed) {
  Write("iconvqa/problems.json", R"({"100": {"question": "q", "choices": ["a", "b"], "answer": 2}})");
  Write("iconvqa/pid_splits.json", R"({"choose_txt_val": ["100"]})");
  EXPECT_NE(ErrorOf("iconvqa").find("problem 100: 'answer' 2 is not an index into 2 choices"),
            std::string::npos);
}

TEST_F(Malformed, ChairWithoutCocoAnnotationsNamesTheFile) {
  std::filesystem::remove(root_.path() / "coco/annotations/captions_val2014.json");
  EXPECT_NE(ErrorOf("chair").find(Path("coco/annotations/captions_val2014.json")), std::string::npos);
}

TEST_F(Malformed, GqaListWithoutQuestionIdNamesTheItem) {
  Write("gqa/testdev_balanced_questions.json", R"([{"image": "n1.jpg", "question": "q", "answer": "a"}])");
  EXPECT_NE(ErrorOf("gqa").find(": [0]: 'question_id' is missing"), std::string::npos);
}

}  // namespace
}  // namespace vleval
