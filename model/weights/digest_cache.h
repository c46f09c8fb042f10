// sha256 digests of model input files (model/weights/, torch-free: backends
// describe their files through it), cached so that a restart does not
// hash 13 GB again. An entry is keyed by every file's absolute path, size,
// modification time (ns) and inode: rewriting, replacing or touching a file
// changes its key, and the files are hashed afresh. The cache is a JSON
// Lines file of {"key", "sha256"} records, appended with one write (so
// concurrent shards may share it) and read whole (it holds a few lines per
// model). A cache that cannot be read or written only costs the hashing.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

// $XDG_CACHE_HOME/vleval/digests.jsonl, else ~/.cache/vleval/digests.jsonl.
std::filesystem::path DefaultDigestCachePath();

class DigestCache {
 public:
  // `file` empty: no cache (every call hashes).
  explicit DigestCache(std::filesystem::path file) : file_(std::move(file)) {}

  // Lowercase hex sha256 of the concatenated bytes of `files` in the order
  // given (Sha256OfFiles), from the cache when the key matches. Errors name
  // the file that cannot be read.
  Result<std::string> Sha256OfFiles(const std::vector<std::filesystem::path>& files) const;

  // True when the last Sha256OfFiles call was answered from the cache.
  bool last_was_cached() const { return last_was_cached_; }

 private:
  std::filesystem::path file_;
  mutable bool last_was_cached_ = false;
};

// {"name": <file or folder name>, "sha256": <digest of its bytes; of a
// folder: of its regular files' bytes in sorted-name order>}, for the
// description of a run's inputs. Errors name the option that gave `path`:
// "--<option> is required" when empty, "--<option> PATH: no such file", or
// the file that cannot be read.
Result<nlohmann::json> DescribeInputFile(const std::string& option, const std::filesystem::path& path,
                                         const DigestCache& cache);

}  // namespace vleval
