#include "core/json_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <unordered_set>
#include <vector>

namespace vleval {
namespace {

std::string FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// "line L, column C (byte B)" of byte `offset` of `text`.
std::string Position(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1) + " (byte " +
         std::to_string(offset) + ")";
}

// Byte offset of the first bracket that opens level kMaxJsonDepth + 1, or
// npos. Linear, no recursion; brackets inside strings do not count.
std::size_t TooDeepAt(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// Keys seen in each open object, innermost last; sets are reused between
// objects of the same depth so that large files do not allocate per object.
class DuplicateKeys {
 public:
  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      if (++open_ > levels_.size()) levels_.emplace_back();
      levels_[open_ - 1].clear();
    } else if (event == Event::object_end) {
      --open_;
    } else if (event == Event::key && open_ > 0 && duplicate_.empty()) {
      auto& key = parsed.get_ref<const std::string&>();
      if (!levels_[open_ - 1].insert(key).second) duplicate_ = key;
    }
    return true;
  }
  const std::string& duplicate() const { return duplicate_; }

 private:
  std::vector<std::unordered_set<std::string>> levels_;
  std::size_t open_ = 0;
  std::string duplicate_;
};

}  // namespace

Result<int> OpenRegularFile(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; cleared below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error{"cannot open " + path.string() + ": " + std::strerror(errno)};
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    const std::string kind = FileKind(info.st_mode);
    ::close(fd);
    return Error{"cannot read " + path.string() + ": " + kind + ", not a regular file"};
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
  auto opened = OpenRegularFile(path);
  if (!opened) return opened.error();
  const int fd = *opened;
  struct stat info {};
  ::fstat(fd, &info);
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  std::size_t have = 0;
  while (true) {
    if (have == bytes.size()) bytes.resize(std::max<std::size_t>(4096, bytes.size() * 2));
    const ssize_t got = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int saved = errno;
      ::close(fd);
      return Error{"cannot read " + path.string() + ": " + std::strerror(saved)};
    }
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(have);
  return bytes;
}

Result<nlohmann::json> ParseStrictJson(std::string_view text, const std::string& where_view,
                                       std::string_view problem) {
  const std::string where = where_view + ": " + std::string(problem);
  if (const auto at = TooDeepAt(text); at != std::string_view::npos) {
    return Error{where + ": nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at " +
                 Position(text, at)};
  }
  DuplicateKeys duplicates;
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(text.begin(), text.end(), std::ref(duplicates));
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    return Error{where + ": " + TextPreview(e.what(), 240)};
  }
  if (!duplicates.duplicate().empty()) {
    return Error{where + ": duplicate key '" + TextPreview(duplicates.duplicate()) +
                 "' in one object (strict JSON: keys must be unique)"};
  }
  return parsed;
}

Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  return ParseStrictJson(*text, path.string());
}

std::string TextPreview(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 continuation
  return std::string(text.substr(0, cut)) + "...";
}

std::string JsonPreview(const nlohmann::json& value) {
  if (value.is_array()) return "an array of " + std::to_string(value.size());
  if (value.is_object()) return "an object of " + std::to_string(value.size()) + " keys";
  if (value.is_string()) return "\"" + TextPreview(value.get_ref<const std::string&>()) + "\"";
  return value.dump();
}

std::optional<std::int64_t> JsonInt64(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
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

std::optional<int> StrictObject::IntField(const nlohmann::json& value, std::string_view key) {
  const auto number = JsonInt64(value);
  if (!number) {
    Fail("'" + std::string(key) + "' must be an integer" +
         (value.is_number_integer() ? " (got " + value.dump() + ", out of range)" : ""));
    return std::nullopt;
  }
  if (*number < INT_MIN || *number > INT_MAX) {
    Fail("'" + std::string(key) + "' is out of range (" + std::to_string(*number) + ")");
    return std::nullopt;
  }
  return static_cast<int>(*number);
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
  if (value == nullptr) {
    Fail("'" + std::string(key) + "' must be an integer");
    return 0;
  }
  return IntField(*value, key).value_or(0);
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
  return IntField(*value, key);
}

const nlohmann::json* StrictObject::Child(std::string_view key) { return Use(key); }

Status StrictObject::Finish() {
  if (first_error_.empty() && object_.is_object()) {
    for (const auto& item : object_.items()) {
      if (std::find(used_.begin(), used_.end(), item.key()) == used_.end()) {
        Fail("unknown key '" + TextPreview(item.key()) + "'");
        break;
      }
    }
  }
  if (!first_error_.empty()) return Error{first_error_};
  return {};
}

}  // namespace vleval
