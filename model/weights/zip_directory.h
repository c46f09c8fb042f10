// The central directory of a zip archive held in memory (a mapped torch.save
// file), so that entries can be used in place without copying. Only stored
// (uncompressed) entries can be read, which is what torch.save writes; zip64
// archives (files over 4 GB, e.g. LLaMA .bin shards) are supported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vleval {

struct ZipEntry {
  std::string name;
  std::uint64_t data_offset = 0;  // where the entry's bytes begin in the archive
  std::uint64_t size = 0;         // stored size in bytes
  std::uint16_t method = 0;       // 0 = stored; anything else is compressed
};

class ZipDirectory {
 public:
  // Reads the directory of the archive whose whole content is `archive`
  // (which must outlive the returned object's use of EntryBytes). Errors start
  // with `where` and say what is wrong (no end-of-directory record, an entry
  // that points outside the file: a truncated archive).
  static Result<ZipDirectory> Read(std::string_view archive, std::string where);

  const std::vector<ZipEntry>& entries() const { return entries_; }

  // The entry named exactly `name`, or nullptr.
  const ZipEntry* Find(std::string_view name) const;

  // The bytes of entry `name`, in place. Errors: absent entry, compressed
  // entry ("compressed with method N; torch.save writes stored entries").
  Result<std::string_view> EntryBytes(std::string_view name) const;
  // The same for an entry of entries() (constant time, where Find is linear).
  Result<std::string_view> EntryBytes(const ZipEntry& entry) const;

 private:
  std::string_view archive_;
  std::string where_;
  std::vector<ZipEntry> entries_;
};

}  // namespace vleval
