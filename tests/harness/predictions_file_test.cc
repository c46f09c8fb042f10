#include "harness/predictions_file.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

class PredictionsFileTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    auto path = dir_.path() / name;
    std::ofstream(path) << text;
    return path;
  }
  vleval::testing::TempDir dir_;
};

TEST_F(PredictionsFileTest, ReadsEveryFieldOfTheHarnessJsonl) {
  const auto path =
      Write("p.jsonl", R"({"id": 42, "prompt": "[vqa] q", "output": "two", "token_ids": [1, 2]})"
                       "\n\n"
                       R"({"id": "n1.jpg", "output": "yes", "p_yes": 0.75, "attempts": 2,)"
                       R"( "candidates_nll": [1.5, 0.25], "extra": true})"
                       "\n");
  auto file = ReadPredictionsJsonl(path);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->predictions.size(), 2u);
  const PredictionRecord& first = file->predictions[0];
  EXPECT_EQ(first.id, 42);
  EXPECT_EQ(file->lines[0], 1u);
  EXPECT_EQ(first.prompt, "[vqa] q");
  EXPECT_EQ(first.output, "two");
  EXPECT_EQ(first.token_ids, (std::vector<int64_t>{1, 2}));
  EXPECT_FALSE(first.p_yes.has_value());
  const PredictionRecord& second = file->predictions[1];
  EXPECT_EQ(second.id, "n1.jpg");
  EXPECT_EQ(file->lines[1], 3u);
  EXPECT_EQ(second.p_yes, 0.75);
  EXPECT_EQ(second.attempts, 2);
  EXPECT_EQ(second.candidates_nll, (std::vector<double>{1.5, 0.25}));
  EXPECT_EQ(file->index_by_id.at("n1.jpg"), 1u);
}

TEST_F(PredictionsFileTest, BadJsonLineIsAnErrorNamingFileAndLine) {
  const auto path = Write("p.jsonl", "{\"id\": 1, \"output\": \"a\"}\n{\"id\": 2, \"output\": \n");
  auto file = ReadPredictionsJsonl(path);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().message.rfind(path.string() + ":2 (byte 25): malformed JSON", 0), 0u)
      << file.error().message;
}

TEST_F(PredictionsFileTest, MissingOrBadIdIsAnErrorNamingTheLine) {
  auto missing = ReadPredictionsJsonl(Write("a.jsonl", "{\"output\": \"a\"}\n"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("a.jsonl:1: missing \"id\""), std::string::npos);
  auto fractional = ReadPredictionsJsonl(Write("b.jsonl", "{\"id\": 1.5, \"output\": \"a\"}\n"));
  ASSERT_FALSE(fractional.ok());
  EXPECT_NE(fractional.error().message.find("b.jsonl:1: id must be an integer or a string"),
            std::string::npos);
}

TEST_F(PredictionsFileTest, MissingOutputOrWrongFieldTypeNamesTheSample) {
  auto no_output = ReadPredictionsJsonl(Write("a.jsonl", "{\"id\": 7}\n"));
  ASSERT_FALSE(no_output.ok());
  EXPECT_NE(no_output.error().message.find(":1: sample 7: missing or non-string \"output\""),
            std::string::npos);
  auto bad_p = ReadPredictionsJsonl(Write("b.jsonl", "{\"id\": 7, \"output\": \"\", \"p_yes\": \"hi\"}\n"));
  ASSERT_FALSE(bad_p.ok());
  EXPECT_NE(bad_p.error().message.find("field \"p_yes\" has the wrong type"), std::string::npos);
}

// Found by predictions_fuzz: a field read after a wrong-typed one was
// handed back as unread and restarted (undefined behaviour in simdjson,
// caught by UBSan). Each later field of every kind is read once; the
// first wrong type is the one reported.
TEST_F(PredictionsFileTest, FieldsAfterAWrongTypedFieldAreReadOnce) {
  for (const std::string later :
       {R"("token_ids": [1, 2])", R"("candidates_nll": [0.5])", R"("candidates_tokens": [3])",
        R"("split_nll": [0.5])", R"("split_tokens": [1])", R"("prompt": "q")", R"("attempts": 2)",
        R"("p_unanswerable": 0.5)", R"("attempts": 99999999999)"}) {
    const std::string line = R"({"id": "a", "output": "x", "p_yes": "bad", )" + later + "}\n";
    auto read = ReadPredictionsJsonl(Write("later.jsonl", line));
    ASSERT_FALSE(read.ok()) << line;
    EXPECT_NE(
        read.error().message.find("later.jsonl:1: sample a: field \"p_yes\" has the wrong type: \"bad\""),
        std::string::npos)
        << read.error().message;
  }
  auto range = ReadPredictionsJsonl(
      Write("range.jsonl", R"({"id": 1, "output": "x", "attempts": 99999999999, "token_ids": [1]})"
                           "\n"));
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.error().message.find("sample 1: field \"attempts\" has the wrong type: 99999999999"),
            std::string::npos)
      << range.error().message;
}

TEST_F(PredictionsFileTest, DuplicateIdIsAnErrorNamingBothLines) {
  const auto path = Write("p.jsonl",
                          "{\"id\": 5, \"output\": \"a\"}\n{\"id\": 6, \"output\": \"b\"}\n"
                          "{\"id\": \"5\", \"output\": \"c\"}\n");
  auto file = ReadPredictionsJsonl(path);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().message, path.string() + ":3: duplicate id 5 (first on line 1)");
}

TEST_F(PredictionsFileTest, ReadsTheMiniGptV2OkvqaAnswerFileAndDetectsItsFormat) {
  const auto path = Write("okvqa.json", R"( [{"answer": "fire hydrant", "question_id": 2971475},)"
                                        R"( {"answer": "2", "question_id": 3195325}])");
  auto file = ReadPredictionsFile(path);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->predictions.size(), 2u);
  EXPECT_EQ(file->predictions[0].id, 2971475);
  EXPECT_EQ(file->predictions[0].output, "fire hydrant");
  EXPECT_EQ(file->lines[1], 2u);
  auto bad = ReadMiniGptV2AnswerFile(Write("bad.json", R"([{"answer": "x"}])"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.json:1: missing \"question_id\""), std::string::npos);
  auto duplicate = ReadMiniGptV2AnswerFile(
      Write("dup.json", R"([{"answer": "x", "question_id": 1}, {"answer": "y", "question_id": 1}])"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.error().message.find("dup.json:2: duplicate id 1"), std::string::npos);
}

TEST_F(PredictionsFileTest, StreamingOntoSamplesFindsMissingPredictionsAndRejectsUnknownIds) {
  const auto path = Write("p.jsonl", "{\"id\": 0, \"output\": \"a\"}\n{\"id\": 2, \"output\": \"b\"}\n");
  std::vector<std::string> outputs(3);
  auto attach = [&](std::size_t i, PredictionRecord& record) { outputs.at(i) = record.output; };
  auto lines = StreamPredictionsToSamples(path, {"0", "1", "2"}, attach);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  EXPECT_EQ(*lines, (std::vector<std::size_t>{1, 0, 2}));
  EXPECT_EQ(outputs, (std::vector<std::string>{"a", "", "b"}));
  auto unknown = StreamPredictionsToSamples(path, {"0", "1"}, attach);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, path.string() + ":2: id 2 matches no sample of the task");
}

// Out of task order (found through the index), in task order (the position
// after the last one) and an id given twice come out the same way for both
// formats.
TEST_F(PredictionsFileTest, StreamingOntoSamplesInAnyOrderAndRejectingASecondUse) {
  const std::vector<std::string_view> ids = {"10", "11", "12", "13"};
  std::vector<std::string> outputs(ids.size());
  auto attach = [&](std::size_t i, PredictionRecord& record) { outputs.at(i) = std::move(record.output); };
  const auto jsonl = Write("shuffled.jsonl",
                           "{\"id\": 12, \"output\": \"c\"}\n{\"id\": \"13\", \"output\": \"d\"}\n"
                           "{\"id\": 10, \"output\": \"a\"}\n");
  auto lines = StreamPredictionsToSamples(jsonl, ids, attach);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  EXPECT_EQ(*lines, (std::vector<std::size_t>{3, 0, 1, 2}));
  EXPECT_EQ(outputs, (std::vector<std::string>{"a", "", "c", "d"}));
  const auto answers =
      Write("twice.json", R"([{"answer": "x", "question_id": 11}, {"answer": "y", "question_id": 12},)"
                          R"( {"answer": "z", "question_id": 11}])");
  auto twice = StreamPredictionsToSamples(answers, ids, attach);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message, answers.string() + ":3: duplicate id 11 (first on line 1)");
  auto directory = StreamPredictionsToSamples(dir_.path(), ids, attach);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.error().message.find("a directory, not a regular file"), std::string::npos)
      << directory.error().message;
}

}  // namespace
}  // namespace vleval
