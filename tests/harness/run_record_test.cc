// Self-checking prediction records and the predictions journal: exact line
// bytes, detection of altered and torn lines, resume truncation, and write
// errors that leave earlier lines intact.
#include <fstream>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "harness/predictions_file.h"
#include "harness/run/predictions_journal.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

PredictionRecord Record(int id, const std::string& output) {
  PredictionRecord record;
  record.id = id;
  record.prompt = "p";
  record.output = output;
  return record;
}

TEST(RunRecord, LineHasTheDocumentedLayoutAndZlibCrc) {
  PredictionRecord record = Record(7, "yes");
  record.p_yes = 0.25;
  // crc32 of {"id":7,"prompt":"p","output":"yes","p_yes":0.25} (python3 -c "import zlib; ...")
  EXPECT_EQ(FormatRecordLine(record),
            "{\"id\":7,\"prompt\":\"p\",\"output\":\"yes\",\"p_yes\":0.25,\"crc32\":\"bbf5a43f\"}");
}

TEST(RunRecord, RoundTripsEveryField) {
  PredictionRecord record = Record(3, "a \"quoted\" answer\n");
  record.id = "VizWiz_val_00000001.jpg";
  record.token_ids = {5, 2};
  record.candidates_nll = {1.5, 0.125};
  record.attempts = 2;
  record.choice_detail.tokens = {3, 2};
  record.choice_detail.split_nll = {0.5, 0.25, 0.125};
  record.choice_detail.split_tokens = {2, 2, 3};
  record.choice_detail.prompt_positions = 301;
  record.choice_detail.padding_tokens = 2;
  record.p_unanswerable = 0.375;
  auto parsed = ParseRecordLine(FormatRecordLine(record));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->id, record.id);
  EXPECT_EQ(parsed->output, record.output);
  EXPECT_EQ(parsed->token_ids, record.token_ids);
  EXPECT_EQ(parsed->candidates_nll, record.candidates_nll);
  EXPECT_EQ(parsed->attempts, 2);
  EXPECT_FALSE(parsed->p_yes.has_value());
  EXPECT_EQ(parsed->p_unanswerable, 0.375);
  EXPECT_EQ(parsed->choice_detail.tokens, record.choice_detail.tokens);
  EXPECT_EQ(parsed->choice_detail.split_nll, record.choice_detail.split_nll);
  EXPECT_EQ(parsed->choice_detail.split_tokens, record.choice_detail.split_tokens);
  EXPECT_EQ(parsed->choice_detail.prompt_positions, 301);
  EXPECT_EQ(parsed->choice_detail.padding_tokens, 2);
}

TEST(RunRecord, AnAlteredOrCutLineIsRejected) {
  std::string line = FormatRecordLine(Record(1, "red"));
  std::string altered = line;
  altered.replace(altered.find("red"), 3, "rad");
  EXPECT_FALSE(ParseRecordLine(altered).ok());
  EXPECT_FALSE(ParseRecordLine(line.substr(0, line.size() - 5)).ok());
  EXPECT_TRUE(ParseRecordLine(line).ok());
}

TEST(RunRecord, ScoreReadsTheRecordsAsAPredictionsFile) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "p.jsonl") << FormatRecordLine(Record(1, "red")) << "\n";
  auto file = ReadPredictionsJsonl(dir.path() / "p.jsonl");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->predictions.at(0).output, "red");
}

TEST(RunJournal, ATornLastLineIsDroppedAndTheFileTruncated) {
  testing::TempDir dir;
  const auto path = dir.path() / "p.jsonl";
  const std::string first = FormatRecordLine(Record(1, "a")) + "\n";
  const std::string second = FormatRecordLine(Record(2, "b"));
  std::ofstream(path) << first << second.substr(0, 20);
  JournalContents contents;
  auto journal = PredictionsJournal::Open(path, contents);
  ASSERT_TRUE(journal.ok()) << journal.error().message;
  EXPECT_TRUE(contents.torn_tail);
  ASSERT_EQ(contents.records.size(), 1u);
  EXPECT_EQ(*ReadTextFile(path), first);
  const PredictionRecord more[] = {Record(2, "b")};
  ASSERT_TRUE(journal->Append(more).ok());
  EXPECT_EQ(*ReadTextFile(path), first + second + "\n");
}

TEST(RunJournal, ACorruptLineBeforeTheLastIsAnErrorAndTheFileIsKept) {
  testing::TempDir dir;
  const auto path = dir.path() / "p.jsonl";
  const std::string text = "{\"id\":1,\"output\":\"x\"}\n" + FormatRecordLine(Record(2, "b")) + "\n";
  std::ofstream(path) << text;
  JournalContents contents;
  auto journal = PredictionsJournal::Open(path, contents);
  ASSERT_FALSE(journal.ok());
  EXPECT_NE(journal.error().message.find("p.jsonl:1: no crc32 field"), std::string::npos)
      << journal.error().message;
  EXPECT_EQ(*ReadTextFile(path), text);
}

TEST(RunJournal, AFullDiskIsAnErrorNamingTheFile) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "skipped: /dev/full is absent";
  testing::TempDir dir;
  const auto path = dir.path() / "p.jsonl";
  std::filesystem::create_symlink("/dev/full", path);
  JournalContents contents;
  auto journal = PredictionsJournal::Open(path, contents);
  ASSERT_TRUE(journal.ok()) << journal.error().message;
  const PredictionRecord records[] = {Record(1, "a")};
  const auto status = journal->Append(records);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("No space left on device"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace vleval
