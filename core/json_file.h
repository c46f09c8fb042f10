// Reading JSON data files with errors that name the file, and strict object
// readers for configs: every key must be known, every type must match.
//
// Hostile input: files are read only when they are regular files (a FIFO,
// device or directory is an error, never a blocking open); documents nested
// deeper than kMaxJsonDepth are rejected before any recursive code sees them;
// a key repeated in one object is an error naming the key and file; messages
// quote at most a short prefix of an offending value.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// Far above what any real annotation, config or predictions file needs.
inline constexpr int kMaxJsonDepth = 512;

// Reads and parses one JSON document strictly (see above). Errors name `path`
// and, for syntax and depth errors, the line, column and byte offset.
Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path);

// Parses `text` as ReadJsonFile does; errors read "<where>: <problem>: ..."
// (`where`: a file name, or "file:line" for one line of a JSON Lines file).
Result<nlohmann::json> ParseStrictJson(std::string_view text, const std::string& where,
                                       std::string_view problem = "malformed JSON");

// Opens `path` for reading if it is a regular file (never blocking on a
// FIFO): a file descriptor the caller closes, or an error naming the path and
// what it is instead (directory, FIFO, device).
Result<int> OpenRegularFile(const std::filesystem::path& path);

// Reads a whole regular file as bytes. Errors name `path`: missing, not a
// regular file (directory, FIFO, device), unreadable.
Result<std::string> ReadTextFile(const std::filesystem::path& path);

// At most `max_bytes` of `text` for an error message, with "..." when cut
// (never inside a UTF-8 sequence).
std::string TextPreview(std::string_view text, std::size_t max_bytes = 60);

// A short description of a JSON value for error messages: scalars as JSON
// (strings cut by TextPreview), containers as their type and size. Never
// recurses.
std::string JsonPreview(const nlohmann::json& value);

// value as an int64 when it is a JSON integer in the int64 range (JSON
// integers above 2^63 - 1 are out of range, never wrapped).
std::optional<std::int64_t> JsonInt64(const nlohmann::json& value);

// Reads fields of one JSON object and remembers which keys were used, so that
// unknown keys (typos in a config) are reported instead of ignored. `where`
// prefixes every message, e.g. "configs/tasks/okvqa.json".
// Not thread-safe; the object must outlive the reader.
class StrictObject {
 public:
  StrictObject(const nlohmann::json& object, std::string where);

  // False (with error()) when the value given to the constructor is not an object.
  bool is_object() const { return object_.is_object(); }

  // Required fields: on absence or wrong type, records an error and returns {}.
  // Integers outside the range of int are an error, never truncated.
  std::string RequiredString(std::string_view key);
  int RequiredInt(std::string_view key);

  // Optional fields: absent -> fallback; present with wrong type -> error.
  std::string OptionalString(std::string_view key, std::string fallback = {});
  int OptionalInt(std::string_view key, int fallback);
  std::optional<int> MaybeInt(std::string_view key);
  // A sub-value of any type, or nullptr when absent; marks the key as used.
  const nlohmann::json* Child(std::string_view key);

  // OK when every accessed field was valid and no key was left unread.
  Status Finish();

 private:
  const nlohmann::json* Use(std::string_view key);
  std::optional<int> IntField(const nlohmann::json& value, std::string_view key);
  void Fail(std::string message);

  const nlohmann::json& object_;
  std::string where_;
  std::vector<std::string> used_;
  std::string first_error_;
};

}  // namespace vleval
