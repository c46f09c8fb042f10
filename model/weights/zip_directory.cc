#include "model/weights/zip_directory.h"

#include <algorithm>
#include <cstring>

namespace vleval {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr std::uint32_t kDirectoryHeader = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kDirectoryHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;

// Little-endian field reader over a bounds-checked window of the archive.
class Fields {
 public:
  Fields(std::string_view bytes) : bytes_(bytes) {}  // NOLINT: implicit by design
  bool Has(std::uint64_t offset, std::uint64_t length) const {
    return offset <= bytes_.size() && length <= bytes_.size() - offset;
  }
  template <typename T>
  T At(std::uint64_t offset) const {
    T value{};
    std::memcpy(&value, bytes_.data() + offset, sizeof(T));
    return value;
  }

 private:
  std::string_view bytes_;
};

struct DirectoryPosition {
  std::uint64_t offset = 0;
  std::uint64_t entries = 0;
};

Result<DirectoryPosition> FindDirectory(const Fields& file, std::uint64_t size, const std::string& where) {
  if (size < kEndOfDirectorySize) return Error{where + ": not a zip archive (too short)"};
  const std::uint64_t lowest = size > kEndOfDirectorySize + 0xFFFF ? size - kEndOfDirectorySize - 0xFFFF : 0;
  for (std::uint64_t at = size - kEndOfDirectorySize + 1; at-- > lowest;) {
    if (file.At<std::uint32_t>(at) != kEndOfDirectory) continue;
    DirectoryPosition position{file.At<std::uint32_t>(at + 16), file.At<std::uint16_t>(at + 10)};
    const bool needs_zip64 = position.offset == 0xFFFFFFFF || position.entries == 0xFFFF;
    if (needs_zip64 && at >= 20 && file.At<std::uint32_t>(at - 20) == kZip64Locator) {
      const auto record = file.At<std::uint64_t>(at - 20 + 8);
      if (!file.Has(record, 56) || file.At<std::uint32_t>(record) != kZip64EndOfDirectory) {
        return Error{where + ": damaged zip64 end-of-directory record (file is truncated?)"};
      }
      position.entries = file.At<std::uint64_t>(record + 32);
      position.offset = file.At<std::uint64_t>(record + 48);
    }
    return position;
  }
  return Error{where + ": not a zip archive (no end-of-directory record: truncated, or another format)"};
}

// Applies the zip64 extended-information extra field to fields stored as 0xFFFFFFFF.
void ApplyZip64Extra(const Fields& file, std::uint64_t extra, std::uint64_t extra_end, std::uint64_t& size,
                     std::uint64_t& uncompressed, std::uint64_t& local) {
  while (extra + 4 <= extra_end) {
    const auto id = file.At<std::uint16_t>(extra);
    const auto length = file.At<std::uint16_t>(extra + 2);
    std::uint64_t field = extra + 4;
    const std::uint64_t field_end = std::min<std::uint64_t>(field + length, extra_end);
    if (id == 0x0001) {
      for (std::uint64_t* value : {&uncompressed, &size, &local}) {
        if (*value != 0xFFFFFFFF) continue;
        if (field + 8 > field_end) break;
        *value = file.At<std::uint64_t>(field);
        field += 8;
      }
      return;
    }
    extra = field + length;
  }
}

}  // namespace

Result<ZipDirectory> ZipDirectory::Read(std::string_view archive, std::string where) {
  const Fields file(archive);
  auto position = FindDirectory(file, archive.size(), where);
  if (!position) return position.error();
  ZipDirectory directory;
  directory.archive_ = archive;
  std::uint64_t at = position->offset;
  for (std::uint64_t index = 0; index < position->entries; ++index) {
    if (!file.Has(at, kDirectoryHeaderSize) || file.At<std::uint32_t>(at) != kDirectoryHeader) {
      return Error{where + ": damaged zip directory at entry " + std::to_string(index)};
    }
    ZipEntry entry;
    entry.method = file.At<std::uint16_t>(at + 10);
    std::uint64_t size = file.At<std::uint32_t>(at + 20);
    std::uint64_t uncompressed = file.At<std::uint32_t>(at + 24);
    const auto name_length = file.At<std::uint16_t>(at + 28);
    const auto extra_length = file.At<std::uint16_t>(at + 30);
    const auto comment_length = file.At<std::uint16_t>(at + 32);
    std::uint64_t local = file.At<std::uint32_t>(at + 42);
    const std::uint64_t name_at = at + kDirectoryHeaderSize;
    if (!file.Has(name_at, std::uint64_t{name_length} + extra_length + comment_length)) {
      return Error{where + ": damaged zip directory at entry " + std::to_string(index)};
    }
    entry.name.assign(archive.substr(name_at, name_length));
    ApplyZip64Extra(file, name_at + name_length, name_at + name_length + extra_length, size, uncompressed,
                    local);
    if (!file.Has(local, kLocalHeaderSize) || file.At<std::uint32_t>(local) != kLocalHeader) {
      return Error{where + ": entry '" + entry.name + "' has no local header (file is truncated?)"};
    }
    entry.data_offset =
        local + kLocalHeaderSize + file.At<std::uint16_t>(local + 26) + file.At<std::uint16_t>(local + 28);
    entry.size = size;
    if (!file.Has(entry.data_offset, entry.size)) {
      return Error{where + ": entry '" + entry.name + "' runs past the end of the file (" +
                   std::to_string(archive.size()) + " bytes; file is truncated)"};
    }
    directory.entries_.push_back(std::move(entry));
    at = name_at + name_length + extra_length + comment_length;
  }
  directory.where_ = std::move(where);
  return directory;
}

const ZipEntry* ZipDirectory::Find(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

Result<std::string_view> ZipDirectory::EntryBytes(std::string_view name) const {
  const ZipEntry* entry = Find(name);
  if (entry == nullptr) return Error{where_ + ": archive has no entry '" + std::string(name) + "'"};
  return EntryBytes(*entry);
}

Result<std::string_view> ZipDirectory::EntryBytes(const ZipEntry& entry) const {
  if (entry.method != 0) {
    return Error{where_ + ": entry '" + entry.name + "' is compressed with method " +
                 std::to_string(entry.method) +
                 "; only stored entries are read (torch.save writes them uncompressed)"};
  }
  return archive_.substr(entry.data_offset, entry.size);
}

}  // namespace vleval
