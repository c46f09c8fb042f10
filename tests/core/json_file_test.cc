#include "core/json_file.h"

#include <sys/stat.h>

#include <climits>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(ReadJsonFile, MissingFileErrorNamesThePath) {
  auto result = ReadJsonFile("/nonexistent/vleval/file.json");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("/nonexistent/vleval/file.json"), std::string::npos);
}

TEST(ReadJsonFile, MalformedJsonErrorNamesThePathAndPosition) {
  testing::TempDir dir;
  const auto path = dir.path() / "bad.json";
  std::ofstream(path) << "{\"a\": [1, 2,}";
  auto result = ReadJsonFile(path);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find(path.string()), std::string::npos);
  EXPECT_NE(result.error().message.find("malformed JSON"), std::string::npos);
  EXPECT_NE(result.error().message.find("line 1, column 13"), std::string::npos);
}

TEST(StrictObject, ReadsKnownFieldsAndRejectsUnknownKeys) {
  const auto json = nlohmann::json::parse(R"({"name": "x", "count": 3, "typo": true})");
  StrictObject reader(json, "cfg.json");
  EXPECT_EQ(reader.RequiredString("name"), "x");
  EXPECT_EQ(reader.OptionalInt("count", 0), 3);
  EXPECT_EQ(reader.OptionalString("absent", "fallback"), "fallback");
  const Status status = reader.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "cfg.json: unknown key 'typo'");
}

TEST(StrictObject, WrongTypeIsTheFirstErrorReported) {
  const auto json = nlohmann::json::parse(R"({"name": 5, "count": "three"})");
  StrictObject reader(json, "cfg.json");
  reader.RequiredString("name");
  reader.OptionalInt("count", 0);
  EXPECT_EQ(reader.Finish().message(), "cfg.json: 'name' must be a string");
}

TEST(StrictObject, NonObjectIsAnError) {
  const auto json = nlohmann::json::parse("[1, 2]");
  StrictObject reader(json, "cfg.json");
  EXPECT_FALSE(reader.is_object());
  EXPECT_EQ(reader.Finish().message(), "cfg.json: expected a JSON object");
}

TEST(ReadJsonFile, NestingDeeperThanTheLimitIsAnErrorWithItsPosition) {
  testing::TempDir dir;
  const auto path = dir.path() / "deep.json";
  std::ofstream(path) << "\n" << std::string(100000, '[') << std::string(100000, ']');
  auto result = ReadJsonFile(path);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find(path.string() +
                                        ": malformed JSON: nested deeper than 512 levels at line 2, "
                                        "column 513 (byte 513)"),
            std::string::npos)
      << result.error().message;
}

TEST(ReadJsonFile, NestingAtTheLimitIsRead) {
  const auto parsed = ParseStrictJson(std::string(512, '[') + std::string(512, ']'), "x.json");
  EXPECT_TRUE(parsed.ok());
}

TEST(ReadJsonFile, BracketsInsideStringsDoNotCountAsNesting) {
  const auto parsed = ParseStrictJson("{\"a\": \"" + std::string(1000, '[') + "\\\"\"}", "x.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
}

TEST(ReadJsonFile, DuplicateKeyIsAnErrorNamingKeyAndFile) {
  testing::TempDir dir;
  const auto path = dir.path() / "dup.json";
  std::ofstream(path) << R"({"a": 1, "b": {"x": 1, "y": 2, "x": 3}})";
  auto result = ReadJsonFile(path);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find(path.string() + ": malformed JSON: duplicate key 'x'"),
            std::string::npos)
      << result.error().message;
}

TEST(ReadJsonFile, SameKeyInSiblingObjectsIsFine) {
  const auto parsed = ParseStrictJson(R"([{"a": 1, "b": {"a": 2}}, {"a": 3}])", "x.json");
  EXPECT_TRUE(parsed.ok());
}

TEST(ReadJsonFile, ErrorQuotesOnlyAShortPrefixOfALongToken) {
  const auto parsed = ParseStrictJson("[\"" + std::string(1 << 20, 'z'), "x.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_LT(parsed.error().message.size(), 400u) << parsed.error().message.substr(0, 400);
}

TEST(ReadTextFile, DirectoryIsAClearError) {
  testing::TempDir dir;
  auto result = ReadTextFile(dir.path());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find(dir.path().string() + ": a directory, not a regular file"),
            std::string::npos)
      << result.error().message;
}

TEST(ReadTextFile, FifoIsAClearErrorNotAHang) {
  testing::TempDir dir;
  const auto path = dir.path() / "fifo";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  auto result = ReadTextFile(path);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("a FIFO, not a regular file"), std::string::npos)
      << result.error().message;
}

TEST(ReadTextFile, DeviceIsAClearError) {
  auto result = ReadTextFile("/dev/zero");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("/dev/zero: a device, not a regular file"), std::string::npos);
}

TEST(ReadTextFile, ReadsAWholeFile) {
  testing::TempDir dir;
  const auto path = dir.path() / "f.bin";
  const std::string bytes = std::string(100000, 'a') + std::string("\0b", 2);
  std::ofstream(path, std::ios::binary) << bytes;
  auto result = ReadTextFile(path);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, bytes);
}

TEST(JsonInt64, IntegersAboveTheInt64RangeAreRejectedNotWrapped) {
  EXPECT_EQ(JsonInt64(nlohmann::json::parse("9223372036854775807")), INT64_MAX);
  EXPECT_EQ(JsonInt64(nlohmann::json::parse("-9223372036854775808")), INT64_MIN);
  EXPECT_FALSE(JsonInt64(nlohmann::json::parse("9223372036854775808")).has_value());
  EXPECT_FALSE(JsonInt64(nlohmann::json::parse("1.5")).has_value());
}

TEST(StrictObject, IntegerOutOfIntRangeIsAnErrorNotTruncated) {
  const auto json = nlohmann::json::parse(R"({"count": 4294967297})");
  StrictObject reader(json, "cfg.json");
  reader.OptionalInt("count", 0);
  EXPECT_EQ(reader.Finish().message(), "cfg.json: 'count' is out of range (4294967297)");
}

TEST(JsonPreview, ContainersAreDescribedAndStringsCut) {
  EXPECT_EQ(JsonPreview(nlohmann::json::parse("[1, [2]]")), "an array of 2");
  EXPECT_EQ(JsonPreview(nlohmann::json(std::string(100, 'q'))), "\"" + std::string(60, 'q') + "...\"");
  EXPECT_EQ(JsonPreview(nlohmann::json(3)), "3");
}

}  // namespace
}  // namespace vleval
