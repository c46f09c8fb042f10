#include "core/output_target.h"

#include <system_error>

namespace vleval {

Status CheckOutputTarget(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  if (status.type() == fs::file_type::not_found) return {};
  if (error) return Error{path.string() + ": cannot write: " + error.message()};
  const char* what = nullptr;
  switch (status.type()) {
    case fs::file_type::regular:
      return {};
    case fs::file_type::directory:
      what = "a directory";
      break;
    case fs::file_type::symlink:
      what = "a symbolic link";
      break;
    case fs::file_type::fifo:
      what = "a FIFO";
      break;
    case fs::file_type::character:
    case fs::file_type::block:
      what = "a device";
      break;
    default:
      what = "not a regular file";
      break;
  }
  return Error{path.string() + ": refusing to replace " + std::string(what) +
               " (the output is written to a temporary file and renamed onto a new name or a regular file)"};
}

}  // namespace vleval
