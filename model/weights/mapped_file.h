// A whole file mapped into memory, for zero-copy weight loading: tensors point
// straight into the mapping and keep it alive through a shared_ptr, so a
// multi-gigabyte file is never read twice into memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/result.h"

namespace vleval {

// Owns one private (copy-on-write) mapping of a file. Pages are read from the
// page cache on first touch; writing through data() changes only this
// process's copy of the touched pages, never the file, so a caller may modify
// tensors built on top of it in place. Immutable after construction and safe
// to share between threads.
class MappedFile {
 public:
  // Maps `path` entirely. Errors name the file (missing, unreadable, not a
  // regular file). An empty file maps to size() == 0 and data() == nullptr.
  static Result<std::shared_ptr<MappedFile>> Open(const std::filesystem::path& path);

  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::byte* data() const { return data_; }
  std::size_t size() const { return size_; }
  const std::filesystem::path& path() const { return path_; }
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data_), size_}; }

 private:
  MappedFile(std::filesystem::path path, std::byte* data, std::size_t size)
      : path_(std::move(path)), data_(data), size_(size) {}

  std::filesystem::path path_;
  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace vleval
