#include "core/json_stream.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

class JsonStreamTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    const auto path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Reads {"id": int, "name": string} records.
  JsonElementFn Collect() {
    return [this](JsonValue& value, std::size_t index, const JsonPosition& at) -> Status {
      std::int64_t id = 0;
      std::string name;
      Status status = ForEachJsonMember(value, [&](std::string_view key, JsonValue& member) -> Result<bool> {
        if (key == "id") {
          if (Status read = ReadJsonInt(member, id); !read.ok()) return Error{"'id' " + read.message()};
          return true;
        }
        if (key == "name") {
          if (Status read = ReadJsonString(member, name); !read.ok())
            return Error{"'name' " + read.message()};
          return true;
        }
        return false;
      });
      if (!status.ok())
        return Error{"element " + std::to_string(index) + " at line " + std::to_string(at.line) + ": " +
                     status.message()};
      seen_.push_back(std::to_string(index) + ":" + std::to_string(id) + ":" + name + "@" +
                      std::to_string(at.line) + "/" + std::to_string(at.offset));
      return {};
    };
  }

  testing::TempDir dir_;
  std::vector<std::string> seen_;
};

TEST_F(JsonStreamTest, StreamsTheNamedArraysOfAnObjectAndSkipsTheRest) {
  const auto path =
      Write("a.json",
            "{\"info\": {\"year\": 2014, \"list\": [1, [2, {\"x\": null}]]}, \"license\": \"cc\",\n"
            " \"items\": [{\"id\": 1, \"name\": \"a\\\"b\", \"extra\": [true, false]},\n"
            "  {\"name\": \"\\u00e9\", \"id\": -2}], \"other\": [1, 2]}\n");
  ASSERT_TRUE(StreamJsonObjectArrays(path, {{"items", Collect()}}).ok());
  ASSERT_EQ(seen_.size(), 2u);
  EXPECT_EQ(seen_[0], "0:1:a\"b@2/84");
  EXPECT_EQ(seen_[1], "1:-2:\xc3\xa9@3/137");
}

// The scanner finds a string's end eight bytes at a time: quotes, escaped
// quotes and backslashes at every offset of a word, strings of every length
// up to three words, and brackets inside strings, all delimit as simdjson
// reads them.
TEST_F(JsonStreamTest, StringsOfEveryLengthAndEscapeOffsetDelimitElements) {
  std::string text = "[";
  std::vector<std::string> names;
  for (std::size_t length = 0; length <= 24; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      std::string raw(length, 'x'), decoded(length, 'x');
      for (const auto& [escape, value] :
           {std::pair{"\\\"", "\""}, std::pair{"\\\\", "\\"}, std::pair{"]}", "]}"}}) {
        std::string r = raw, d = decoded;
        r.insert(at, escape);
        d.insert(at, value);
        if (names.size() > 0) text += ",";
        text += "{\"id\": " + std::to_string(names.size()) + ", \"name\": \"" + r + "\"}";
        names.push_back(d);
      }
    }
  }
  text += "]";
  ASSERT_TRUE(StreamJsonArray(Write("strings.json", text), Collect()).ok());
  ASSERT_EQ(seen_.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string prefix = std::to_string(i) + ":" + std::to_string(i) + ":" + names[i] + "@";
    EXPECT_EQ(seen_[i].substr(0, prefix.size()), prefix);
  }
}

TEST_F(JsonStreamTest, ElementsLargerThanOneBlockAndManyElementsStream) {
  std::string text = "[";
  const std::string long_name(3 << 20, 'x');  // longer than the 1 MiB read block
  text += "{\"id\": 0, \"name\": \"" + long_name + "\"}";
  for (int i = 1; i < 100000; ++i) text += ",\n{\"id\": " + std::to_string(i) + ", \"name\": \"n\"}";
  text += "]";
  std::size_t count = 0, long_size = 0;
  const Status status = StreamJsonArray(
      Write("big.json", text), [&](JsonValue& value, std::size_t index, const JsonPosition& at) -> Status {
        std::string name;
        std::int64_t id = -1;
        Status read = ForEachJsonMember(value, [&](std::string_view key, JsonValue& member) -> Result<bool> {
          if (key == "name") return ReadJsonString(member, name).ok();
          if (key == "id") return ReadJsonInt(member, id).ok();
          return false;
        });
        if (index == 0) long_size = name.size();
        if (id != static_cast<std::int64_t>(index) || at.line != index + 1) return Error{"out of order"};
        ++count;
        return read;
      });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(count, 100000u);
  EXPECT_EQ(long_size, long_name.size());
}

TEST_F(JsonStreamTest, DuplicateKeysAreRejectedAtEveryDepth) {
  const auto top = Write("top.json", "{\"items\": [], \"items\": []}");
  Status status = StreamJsonObjectArrays(top, {{"items", Collect()}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(top.string() + ":1 (byte 14): duplicate key 'items'"), std::string::npos)
      << status.message();

  const auto record = Write("record.json", "[{\"id\": 1, \"name\": \"a\", \"id\": 2}]");
  status = StreamJsonArray(record, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("duplicate key 'id'"), std::string::npos) << status.message();

  const auto skipped = Write("skipped.json", "{\"meta\": {\"a\": {\"k\": 1, \"k\": 2}}, \"items\": []}");
  status = StreamJsonObjectArrays(skipped, {{"items", Collect()}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(skipped.string() + ":1 (byte 9): duplicate key 'k'"), std::string::npos)
      << status.message();
}

TEST_F(JsonStreamTest, NestingDeeperThan512IsRejectedBeforeParsing) {
  const auto ok = Write("ok.json", "[" + std::string(511, '[') + std::string(511, ']') + "]");
  EXPECT_TRUE(StreamJsonArray(ok, [](JsonValue& v, std::size_t, const JsonPosition&) {
                return SkipJsonValue(v);
              }).ok());
  const auto deep = Write("deep.json", "[\n" + std::string(100000, '[') + std::string(100000, ']') + "]");
  const Status status =
      StreamJsonArray(deep, [](JsonValue& v, std::size_t, const JsonPosition&) { return SkipJsonValue(v); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), deep.string() + ":2 (byte 513): nesting deeper than 512 levels");
}

TEST_F(JsonStreamTest, MalformedInputNamesFileAndPosition) {
  const auto path =
      Write("bad.json", "{\"items\": [{\"id\": 1, \"name\": \"a\"},\n {\"id\": 2 \"name\": \"b\"}]}");
  Status status = StreamJsonObjectArrays(path, {{"items", Collect()}});
  ASSERT_FALSE(status.ok());
  // Found by simdjson inside the callback, which adds the element's position.
  EXPECT_NE(status.message().find("element 1 at line 2: malformed JSON"), std::string::npos)
      << status.message();

  const auto unclosed = Write("unclosed.json", "[{\"id\": 1");
  status = StreamJsonArray(unclosed, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not closed before the end of the file"), std::string::npos);

  const auto trailing = Write("trailing.json", "[] []");
  status = StreamJsonArray(trailing, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(":1 (byte 3): malformed JSON: content after the end"), std::string::npos)
      << status.message();

  const auto missing = Write("missing.json", "{\"other\": 1}");
  status = StreamJsonObjectArrays(missing, {{"items", Collect()}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), missing.string() + ": no \"items\" array");

  status = StreamJsonArray(dir_.path() / "absent.json", Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            "cannot open " + (dir_.path() / "absent.json").string() + ": No such file or directory");

  status = StreamJsonArray(dir_.path(), Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "cannot read " + dir_.path().string() + ": a directory, not a regular file");
}

TEST_F(JsonStreamTest, WrongTypesQuoteAShortPrefixOfTheValue) {
  const auto path = Write("type.json", "[{\"id\": \"" + std::string(5000, 'z') + "\"}]");
  const Status status = StreamJsonArray(path, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("'id' must be an integer, got \"zzz"), std::string::npos)
      << status.message();
  EXPECT_LT(status.message().size(), 200u);
}

TEST_F(JsonStreamTest, JsonLinesReadsOneRecordPerLineAndRejectsSplitRecords) {
  const auto path = Write("a.jsonl", "{\"id\": 1, \"name\": \"a\"}\n\n  \r\n{\"id\": 2, \"name\": \"b\"}");
  ASSERT_TRUE(StreamJsonLines(path, Collect()).ok());
  ASSERT_EQ(seen_.size(), 2u);
  EXPECT_EQ(seen_[1], "4:2:b@4/28");  // index = line number

  const auto split = Write("split.jsonl", "{\"id\": 1,\n \"name\": \"a\"}\n");
  Status status = StreamJsonLines(split, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(split.string() + ":1 (byte 0): malformed JSON"), std::string::npos)
      << status.message();

  const auto two = Write("two.jsonl", "{\"id\": 1} {\"id\": 2}\n");
  status = StreamJsonLines(two, Collect());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("content after the value on its line"), std::string::npos);
}

}  // namespace
}  // namespace vleval
