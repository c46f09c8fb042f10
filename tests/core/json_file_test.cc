#include "core/json_file.h"

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

}  // namespace
}  // namespace vleval
