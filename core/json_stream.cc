#include "core/json_stream.h"

#include "core/json_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <set>

namespace vleval {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

std::string Quote(std::string_view text) {
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
    text.remove_suffix(1);
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  return std::string(text.substr(0, kMaxQuotedBytes)) + "...";
}

// The first '"' or '\\' in [p, end), or end. Strings in annotation files
// are short (answers, keys): eight bytes are tested at a time in a word
// rather than through a memchr call per string.
const char* FindQuoteOrBackslash(const char* p, const char* end) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    for (; end - p >= 8; p += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, 8);
      const std::uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
      // A byte's high bit is set where the byte was zero (exact for the
      // lowest such byte, which is the one taken).
      const std::uint64_t hits =
          ((quote - kOnes) & ~quote & kHighs) | ((backslash - kOnes) & ~backslash & kHighs);
      if (hits != 0) return p + (std::countr_zero(hits) >> 3);
    }
  }
  while (p < end && *p != '"' && *p != '\\') ++p;
  return p;
}

// Reads a file in blocks into a buffer holding the bytes from the start of
// the element being scanned (`mark_`) to what was read so far (`end_`), with
// SIMDJSON_PADDING readable bytes after the buffer's capacity so that any
// complete element can be parsed in place.
class Scanner {
 public:
  explicit Scanner(std::filesystem::path path) : path_(std::move(path)) {}
  ~Scanner() {
    if (fd_ >= 0) ::close(fd_);
  }
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  Status Open() {
    auto opened = OpenRegularFile(path_);
    if (!opened) return opened.error();
    fd_ = *opened;
    buffer_.resize(kBlockBytes + simdjson::SIMDJSON_PADDING);
    return {};
  }

  const std::filesystem::path& path() const { return path_; }
  JsonPosition Here() const { return {line_, base_ + pos_}; }

  // The current byte, or -1 at the end of the file (or on a read error,
  // which Finish reports).
  int Peek() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }
  void Advance() { ++pos_; }

  // Skips JSON whitespace; with `stop_at_newline`, stops before a '\n'.
  void SkipSpace(bool stop_at_newline = false) {
    for (int c = Peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = Peek()) {
      if (c == '\n') {
        if (stop_at_newline) return;
        ++line_;
      }
      ++pos_;
    }
  }

  // Scans one value starting at the current byte (not whitespace) and leaves
  // the position just past it; the bytes stay buffered from Mark() on.
  // `depth` is the nesting of the container holding the value (0 at the top
  // level). With `one_line`, a line break outside strings is an error.
  Status ScanValue(int depth, bool one_line) {
    const JsonPosition start = Here();
    int c = Peek();
    if (c != '{' && c != '[' && c != '"') {
      for (; c != -1 && !std::strchr(",]}:{[\" \t\r\n", c); c = Peek()) ++pos_;
      if (base_ + pos_ == start.offset) return SyntaxAt(start, "expected a JSON value");
      return ReadStatus();
    }
    int open = 0;
    bool in_string = false, escaped = false;
    for (;;) {
      if (pos_ == end_ && !Fill()) {
        if (!read_error_.empty()) return Error{read_error_};
        return SyntaxAt(start, "the value starting here is not closed before the end of the file");
      }
      const char* p = buffer_.data() + pos_;
      const char* const end = buffer_.data() + end_;
      while (p < end) {
        if (in_string) {
          if (escaped) {
            escaped = false;
            ++p;
            continue;
          }
          // Jump to the next quote or backslash. A raw line break inside a
          // string is left to simdjson, which rejects it as an unescaped
          // control character.
          p = FindQuoteOrBackslash(p, end);
          if (p == end) continue;
          if (*p++ == '\\') {
            escaped = true;
            continue;
          }
          in_string = false;
          if (open == 0) {
            pos_ = static_cast<std::size_t>(p - buffer_.data());
            return {};
          }
          continue;
        }
        const char ch = *p++;
        switch (ch) {
          case '"':
            in_string = true;
            break;
          case '{':
          case '[':
            if (depth + ++open > kMaxJsonDepth) {
              pos_ = static_cast<std::size_t>(p - buffer_.data()) - 1;
              return Error{JsonWhere(path_, Here()) + ": nesting deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels"};
            }
            break;
          case '}':
          case ']':
            if (--open == 0) {
              pos_ = static_cast<std::size_t>(p - buffer_.data());
              return {};
            }
            break;
          case '\n':
            if (one_line) {
              pos_ = static_cast<std::size_t>(p - buffer_.data()) - 1;
              return SyntaxAt(start, "a JSON Lines record must be on one line");
            }
            ++line_;
            break;
          default:
            break;
        }
      }
      pos_ = end_;
    }
  }

  // Reads a top-level key (raw bytes between the quotes) at the current '"'.
  Result<std::string> ScanKey() {
    const JsonPosition start = Here();
    std::string key;
    ++pos_;
    bool escaped = false;
    for (int c = Peek(); c != -1; c = Peek()) {
      ++pos_;
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        return key;
      } else if (c == '\n') {
        break;
      }
      key.push_back(static_cast<char>(c));
    }
    return Error{SyntaxAt(start, "unterminated key").message()};
  }

  // Keeps the bytes from the current position buffered until the next Mark().
  void Mark() { mark_ = pos_; }
  // The buffered bytes from Mark() to the current position, with the number
  // of readable bytes from there (simdjson's "allocated").
  const char* MarkedData() const { return buffer_.data() + mark_; }
  std::size_t MarkedSize() const { return pos_ - mark_; }
  std::size_t MarkedAllocated() const { return buffer_.size() - mark_; }

  Status SyntaxAt(const JsonPosition& at, const std::string& what) const {
    return Error{JsonWhere(path_, at) + ": malformed JSON: " + what};
  }
  // Expects byte `wanted` (after whitespace) and consumes it.
  Status Expect(char wanted, const char* what) {
    SkipSpace();
    if (Peek() != static_cast<unsigned char>(wanted)) {
      if (!read_error_.empty()) return Error{read_error_};
      return SyntaxAt(Here(), std::string("expected ") + what);
    }
    ++pos_;
    return {};
  }
  // At the end of the document: only whitespace may follow.
  Status Finish() {
    SkipSpace();
    if (!read_error_.empty()) return Error{read_error_};
    if (Peek() != -1) return SyntaxAt(Here(), "content after the end of the JSON document");
    return {};
  }
  Status ReadStatus() const {
    if (!read_error_.empty()) return Error{read_error_};
    return {};
  }

 private:
  // Precondition: pos_ == end_. Moves the marked bytes to the front, grows
  // the buffer when one element fills it, and reads the next block.
  bool Fill() {
    if (eof_ || fd_ < 0) return false;
    if (mark_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + mark_, end_ - mark_);
      base_ += mark_;
      pos_ -= mark_;
      end_ -= mark_;
      mark_ = 0;
    }
    std::size_t capacity = buffer_.size() - simdjson::SIMDJSON_PADDING;
    if (end_ == capacity) {
      capacity *= 2;
      buffer_.resize(capacity + simdjson::SIMDJSON_PADDING);
    }
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_.data() + end_, capacity - end_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        read_error_ = "cannot read " + path_.string() + ": " + std::strerror(errno);
        eof_ = true;
        return false;
      }
      if (got == 0) {
        eof_ = true;
        return false;
      }
      end_ += static_cast<std::size_t>(got);
      return true;
    }
  }

  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t base_ = 0;  // file offset of buffer_[0]
  std::size_t mark_ = 0, pos_ = 0, end_ = 0;
  std::size_t line_ = 1;
  bool eof_ = false;
  std::string read_error_;
};

// Parses the element just scanned (Mark() to the current position) and hands
// it to `element`. A scalar is parsed inside brackets so that the callback
// always receives an On-Demand value.
class ElementParser {
 public:
  Status Parse(Scanner& scanner, const JsonPosition& at, std::size_t index, const JsonElementFn& element) {
    const char first = *scanner.MarkedData();
    const bool scalar = first != '{' && first != '[';
    simdjson::ondemand::document document;
    simdjson::error_code error;
    if (scalar) {
      // "[" value "]" then zeroed padding (simdjson reads past the end).
      const std::size_t size = scanner.MarkedSize() + 2;
      wrapped_.assign(size + simdjson::SIMDJSON_PADDING, '\0');
      wrapped_[0] = '[';
      std::memcpy(wrapped_.data() + 1, scanner.MarkedData(), scanner.MarkedSize());
      wrapped_[size - 1] = ']';
      error = parser_.iterate(wrapped_.data(), size, wrapped_.size()).get(document);
    } else {
      error = parser_.iterate(scanner.MarkedData(), scanner.MarkedSize(), scanner.MarkedAllocated())
                  .get(document);
    }
    if (error) return Malformed(scanner, at, error);
    JsonValue value;
    if (scalar) {
      simdjson::ondemand::array array;
      if ((error = document.get_array().get(array))) return Malformed(scanner, at, error);
      auto it = array.begin();
      if ((error = (*it).get(value))) return Malformed(scanner, at, error);
    } else if ((error = document.get_value().get(value))) {
      return Malformed(scanner, at, error);
    }
    if (Status status = element(value, index, at); !status.ok()) return status;
    // The scanner delimits the value; anything simdjson did not consume is
    // a structure the callback left half read (current_location() is
    // OUT_OF_BOUNDS exactly at the end).
    if (!scalar && document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
      return scanner.SyntaxAt(at, "content after the value");
    }
    return {};
  }

 private:
  static Status Malformed(const Scanner& scanner, const JsonPosition& at, simdjson::error_code error) {
    return scanner.SyntaxAt(at, simdjson::error_message(error));
  }

  simdjson::ondemand::parser parser_;
  std::vector<char> wrapped_;
};

// Checks and skips a value, its errors positioned at the element.
JsonElementFn CheckOnly(const std::filesystem::path& path) {
  return [&path](JsonValue& value, std::size_t, const JsonPosition& at) -> Status {
    Status status = SkipJsonValue(value);
    if (!status.ok()) return Error{JsonWhere(path, at) + ": " + status.message()};
    return status;
  };
}

// Streams the elements of the array whose '[' is the current byte;
// `depth` is the nesting of that array.
Status StreamElements(Scanner& scanner, ElementParser& parser, int depth, const JsonElementFn& element) {
  scanner.Advance();  // '['
  scanner.SkipSpace();
  if (scanner.Peek() == ']') {
    scanner.Advance();
    return {};
  }
  for (std::size_t index = 0;; ++index) {
    scanner.SkipSpace();
    const JsonPosition at = scanner.Here();
    scanner.Mark();
    if (Status status = scanner.ScanValue(depth, false); !status.ok()) return status;
    if (Status status = parser.Parse(scanner, at, index, element); !status.ok()) return status;
    scanner.SkipSpace();
    const int next = scanner.Peek();
    scanner.Advance();
    if (next == ']') return {};
    if (next != ',') {
      if (Status read = scanner.ReadStatus(); !read.ok()) return read;
      return scanner.SyntaxAt(scanner.Here(), "expected ',' or ']' after an array element");
    }
  }
}

}  // namespace

std::string JsonWhere(const std::filesystem::path& path, const JsonPosition& at) {
  return path.string() + ":" + std::to_string(at.line) + " (byte " + std::to_string(at.offset) + ")";
}

Status StreamJsonObjectArrays(const std::filesystem::path& path,
                              const std::vector<JsonArrayMember>& members) {
  Scanner scanner(path);
  if (Status status = scanner.Open(); !status.ok()) return status;
  ElementParser parser;
  const JsonElementFn check_only = CheckOnly(path);
  if (Status status = scanner.Expect('{', "a JSON object"); !status.ok()) return status;
  std::set<std::string> keys;
  scanner.SkipSpace();
  if (scanner.Peek() == '}') {
    scanner.Advance();
  } else {
    for (;;) {
      scanner.SkipSpace();
      const JsonPosition key_at = scanner.Here();
      if (scanner.Peek() != '"') return scanner.SyntaxAt(key_at, "expected a key");
      auto key = scanner.ScanKey();
      if (!key.ok()) return key.error();
      if (!keys.insert(*key).second) {
        return Error{JsonWhere(path, key_at) + ": duplicate key '" + Quote(*key) + "'"};
      }
      if (Status status = scanner.Expect(':', "':'"); !status.ok()) return status;
      scanner.SkipSpace();
      const JsonElementFn* wanted = nullptr;
      for (const auto& member : members) {
        if (member.key == *key) wanted = &member.element;
      }
      const JsonPosition value_at = scanner.Here();
      if (scanner.Peek() == '[') {
        Status status = StreamElements(scanner, parser, 2, wanted != nullptr ? *wanted : check_only);
        if (!status.ok()) return status;
      } else if (wanted != nullptr) {
        return Error{JsonWhere(path, value_at) + ": \"" + *key + "\" must be an array"};
      } else {
        scanner.Mark();
        if (Status status = scanner.ScanValue(1, false); !status.ok()) return status;
        if (Status status = parser.Parse(scanner, value_at, 0, check_only); !status.ok()) return status;
      }
      scanner.SkipSpace();
      const int next = scanner.Peek();
      scanner.Advance();
      if (next == '}') break;
      if (next != ',') return scanner.SyntaxAt(scanner.Here(), "expected ',' or '}' after a member");
    }
  }
  if (Status status = scanner.Finish(); !status.ok()) return status;
  for (const auto& member : members) {
    if (!keys.count(member.key)) return Error{path.string() + ": no \"" + member.key + "\" array"};
  }
  return {};
}

Status StreamJsonArray(const std::filesystem::path& path, const JsonElementFn& element) {
  Scanner scanner(path);
  if (Status status = scanner.Open(); !status.ok()) return status;
  ElementParser parser;
  scanner.SkipSpace();
  if (scanner.Peek() != '[') {
    if (Status read = scanner.ReadStatus(); !read.ok()) return read;
    return Error{path.string() + ": expected a JSON array"};
  }
  if (Status status = StreamElements(scanner, parser, 1, element); !status.ok()) return status;
  return scanner.Finish();
}

Status StreamJsonLines(const std::filesystem::path& path, const JsonElementFn& element) {
  Scanner scanner(path);
  if (Status status = scanner.Open(); !status.ok()) return status;
  ElementParser parser;
  for (;;) {
    scanner.SkipSpace();
    if (scanner.Peek() == -1) return scanner.ReadStatus();
    const JsonPosition at = scanner.Here();
    scanner.Mark();
    if (Status status = scanner.ScanValue(0, true); !status.ok()) return status;
    scanner.SkipSpace(/*stop_at_newline=*/true);
    const int next = scanner.Peek();
    if (next != '\n' && next != -1) return scanner.SyntaxAt(at, "content after the value on its line");
    if (Status status = parser.Parse(scanner, at, at.line, element); !status.ok()) return status;
  }
}

namespace json_stream_detail {

Status NotAnObject(JsonValue& value) {
  return Error{"expected a JSON object, got " + DescribeJsonValue(value)};
}

Status Syntax(simdjson::error_code error) {
  return Error{std::string("malformed JSON: ") + simdjson::error_message(error)};
}

Status DuplicateKey(std::string_view key) { return Error{"duplicate key '" + Quote(key) + "'"}; }

}  // namespace json_stream_detail

Status SkipJsonValue(JsonValue& value) {
  simdjson::ondemand::json_type type;
  if (auto error = value.type().get(type)) return json_stream_detail::Syntax(error);
  switch (type) {
    case simdjson::ondemand::json_type::object:
      return ForEachJsonMember(value, [](std::string_view, JsonValue&) -> Result<bool> { return false; });
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array array;
      if (auto error = value.get_array().get(array)) return json_stream_detail::Syntax(error);
      for (auto item : array) {
        JsonValue child;
        if (auto error = item.get(child)) return json_stream_detail::Syntax(error);
        if (Status status = SkipJsonValue(child); !status.ok()) return status;
      }
      return {};
    }
    case simdjson::ondemand::json_type::number: {
      simdjson::ondemand::number number;
      if (auto error = value.get_number().get(number)) return json_stream_detail::Syntax(error);
      return {};
    }
    case simdjson::ondemand::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return json_stream_detail::Syntax(error);
      return {};
    }
    case simdjson::ondemand::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return json_stream_detail::Syntax(error);
      return {};
    }
    case simdjson::ondemand::json_type::null: {
      bool is_null = false;
      if (auto error = value.is_null().get(is_null)) return json_stream_detail::Syntax(error);
      if (!is_null) return json_stream_detail::Syntax(simdjson::N_ATOM_ERROR);
      return {};
    }
  }
  return {};
}

std::string DescribeJsonValue(JsonValue& value) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return "malformed JSON";
  if (type == simdjson::ondemand::json_type::object) return "an object";
  if (type == simdjson::ondemand::json_type::array) return "an array";
  return Quote(value.raw_json_token());
}

Status ReadJsonString(JsonValue& value, std::string& out) {
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS)
    return Error{"must be a string, got " + DescribeJsonValue(value)};
  out.assign(text);
  return {};
}

Status ReadJsonInt(JsonValue& value, std::int64_t& out) {
  if (value.get_int64().get(out) != simdjson::SUCCESS)
    return Error{"must be an integer, got " + DescribeJsonValue(value)};
  return {};
}

Status ReadJsonDouble(JsonValue& value, double& out) {
  if (value.get_double().get(out) != simdjson::SUCCESS)
    return Error{"must be a number, got " + DescribeJsonValue(value)};
  return {};
}

Status ReadJsonIdText(JsonValue& value, std::string& out) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type) == simdjson::SUCCESS && type == simdjson::ondemand::json_type::string) {
    return ReadJsonString(value, out);
  }
  std::int64_t number = 0;
  if (value.get_int64().get(number) != simdjson::SUCCESS) {
    return Error{"must be an integer or a string, got " + DescribeJsonValue(value)};
  }
  out = std::to_string(number);
  return {};
}

}  // namespace vleval
