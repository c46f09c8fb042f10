#include "core/json_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace vleval {

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open " + path.string()};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error{"cannot read " + path.string()};
  return buffer.str();
}

Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  try {
    return nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{path.string() + ": malformed JSON: " + e.what()};
  }
}

StrictObject::StrictObject(const nlohmann::json& object, std::string where)
    : object_(object), where_(std::move(where)) {
  if (!object_.is_object()) Fail("expected a JSON object");
}

const nlohmann::json* StrictObject::Use(std::string_view key) {
  if (!object_.is_object()) return nullptr;
  used_.emplace_back(key);
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

void StrictObject::Fail(std::string message) {
  if (first_error_.empty()) first_error_ = where_ + ": " + std::move(message);
}

std::string StrictObject::RequiredString(std::string_view key) {
  const auto* value = Use(key);
  if (value == nullptr || !value->is_string()) {
    Fail("'" + std::string(key) + "' must be a string");
    return {};
  }
  return value->get<std::string>();
}

int StrictObject::RequiredInt(std::string_view key) {
  const auto* value = Use(key);
  if (value == nullptr || !value->is_number_integer()) {
    Fail("'" + std::string(key) + "' must be an integer");
    return 0;
  }
  return value->get<int>();
}

std::string StrictObject::OptionalString(std::string_view key, std::string fallback) {
  const auto* value = Use(key);
  if (value == nullptr) return fallback;
  if (!value->is_string()) {
    Fail("'" + std::string(key) + "' must be a string");
    return fallback;
  }
  return value->get<std::string>();
}

int StrictObject::OptionalInt(std::string_view key, int fallback) { return MaybeInt(key).value_or(fallback); }

std::optional<int> StrictObject::MaybeInt(std::string_view key) {
  const auto* value = Use(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    Fail("'" + std::string(key) + "' must be an integer");
    return std::nullopt;
  }
  return value->get<int>();
}

const nlohmann::json* StrictObject::Child(std::string_view key) { return Use(key); }

Status StrictObject::Finish() {
  if (first_error_.empty() && object_.is_object()) {
    for (const auto& item : object_.items()) {
      if (std::find(used_.begin(), used_.end(), item.key()) == used_.end()) {
        Fail("unknown key '" + item.key() + "'");
        break;
      }
    }
  }
  if (!first_error_.empty()) return Error{first_error_};
  return {};
}

}  // namespace vleval
