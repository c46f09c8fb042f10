// Reading JSON data files with errors that name the file, and strict object
// readers for configs: every key must be known, every type must match.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// Reads and parses one JSON document. Errors name `path` and, for syntax
// errors, the byte offset nlohmann reports.
Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path);

// Reads a whole file as bytes. Errors name `path`.
Result<std::string> ReadTextFile(const std::filesystem::path& path);

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
  void Fail(std::string message);

  const nlohmann::json& object_;
  std::string where_;
  std::vector<std::string> used_;
  std::string first_error_;
};

}  // namespace vleval
