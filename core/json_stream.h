// Streaming reads of bulk JSON data files (annotations, questions,
// predictions, COCO instance and caption files) with simdjson On-Demand. The
// file is read in blocks; a byte scanner splits it into its top-level
// members, array elements or JSON Lines records, and each one is parsed by
// simdjson and handed to a callback as an On-Demand value. Memory holds one
// block and one element, never a tree of the whole file (nlohmann stays for
// small configs, core/json_file.h).
//
// Strict for every reader, whatever the callback reads: malformed JSON, a
// duplicate key in any object at any depth, nesting deeper than
// kMaxJsonDepth (checked by the scanner, before any recursion), trailing
// content and a missing required member are errors naming the file and the
// position (line and byte offset); an offending value is quoted by at most
// kMaxQuotedBytes bytes. Errors come back as Status; nothing throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <simdjson.h>

#include "core/json_file.h"
#include "core/result.h"

namespace vleval {

using JsonValue = simdjson::ondemand::value;

// Deepest nesting accepted: kMaxJsonDepth of core/json_file.h (512, the top
// level is depth 1), the same for every JSON reader.
// Longest prefix of an offending value quoted in an error message.
inline constexpr std::size_t kMaxQuotedBytes = 40;

// Where an element starts: 1-based line, 0-based byte offset in the file.
struct JsonPosition {
  std::size_t line = 1;
  std::size_t offset = 0;
};

// "<path>:<line> (byte <offset>)", the prefix of every positioned message.
std::string JsonWhere(const std::filesystem::path& path, const JsonPosition& at);

// Called once per element, in file order. `index` counts elements from 0
// (records of a JSON Lines file, entries of an array). The value must be
// consumed (read or SkipJsonValue'd) before returning. An error is returned
// as is by the stream function (the callback names the file and position).
using JsonElementFn = std::function<Status(JsonValue& element, std::size_t index, const JsonPosition& at)>;

// An array member of a top-level object and what to do with its elements.
struct JsonArrayMember {
  std::string key;
  JsonElementFn element;
};

// The top level must be an object holding every key of `members` with an
// array value; each array's elements go to that member's callback. Other
// members are checked and skipped. A missing member is an error
// "<path>: no \"<key>\" array".
Status StreamJsonObjectArrays(const std::filesystem::path& path, const std::vector<JsonArrayMember>& members);

// The top level must be an array; each element goes to `element`.
Status StreamJsonArray(const std::filesystem::path& path, const JsonElementFn& element);

// JSON Lines: one value per non-blank line, each on its own line. `index`
// is the 1-based line number here.
Status StreamJsonLines(const std::filesystem::path& path, const JsonElementFn& element);

// Checks `value` completely (syntax, duplicate keys at every depth) and
// consumes it. Errors carry no position; callers prefix JsonWhere.
Status SkipJsonValue(JsonValue& value);

// A short description of a scalar for messages: its JSON text, cut to
// kMaxQuotedBytes ("\"abc...\"", "12.5", "an object", "an array").
std::string DescribeJsonValue(JsonValue& value);

// Typed reads with messages "must be a string, got 12" (no key, no
// position: the caller adds both).
Status ReadJsonString(JsonValue& value, std::string& out);
Status ReadJsonInt(JsonValue& value, std::int64_t& out);
Status ReadJsonDouble(JsonValue& value, double& out);
// A string as is, an integer in decimal (ids written either way).
Status ReadJsonIdText(JsonValue& value, std::string& out);

// Reads the members of the object `value` in file order: `visit(key, member)`
// returns Result<bool>, true when it read the member, false to have it
// checked and skipped. A second use of a key is an error "duplicate key
// '<key>'"; a non-object is "expected a JSON object, got ...".
template <typename Visit>
Status ForEachJsonMember(JsonValue& value, Visit&& visit);

// Implementation details of ForEachJsonMember.
namespace json_stream_detail {
Status NotAnObject(JsonValue& value);
Status Syntax(simdjson::error_code error);
Status DuplicateKey(std::string_view key);
}  // namespace json_stream_detail

template <typename Visit>
Status ForEachJsonMember(JsonValue& value, Visit&& visit) {
  simdjson::ondemand::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) return json_stream_detail::NotAnObject(value);
  // Keys are views into the parser's string buffer, valid for the document;
  // the first few are kept inline (records have a handful of keys).
  std::string_view inline_seen[16];
  std::size_t count = 0;
  std::unordered_set<std::string_view> more_seen;
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return json_stream_detail::Syntax(error);
    for (std::size_t i = 0; i < count && i < 16; ++i) {
      if (inline_seen[i] == key) return json_stream_detail::DuplicateKey(key);
    }
    if (count < 16) {
      inline_seen[count] = key;
    } else if (!more_seen.insert(key).second) {
      return json_stream_detail::DuplicateKey(key);
    }
    ++count;
    JsonValue member;
    if (auto error = field.value().get(member)) return json_stream_detail::Syntax(error);
    Result<bool> used = visit(key, member);
    if (!used.ok()) return Error{used.error()};
    if (!*used) {
      if (Status status = SkipJsonValue(member); !status.ok()) return status;
    }
  }
  return {};
}

}  // namespace vleval
