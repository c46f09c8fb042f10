#include "model/weights/digest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "model/weights/file_digest.h"

namespace vleval {
namespace {

// One line per file: "<absolute path>\t<size>\t<mtime ns>\t<inode>".
Result<std::string> KeyOf(const std::vector<std::filesystem::path>& files) {
  std::string key;
  for (const auto& file : files) {
    struct stat info {};
    std::error_code error;
    const auto absolute = std::filesystem::absolute(file, error);
    if (::stat(file.c_str(), &info) != 0) return Error{file.string() + ": cannot stat"};
    const long long mtime_ns =
        static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
    key += (error ? file : absolute).string() + "\t" + std::to_string(info.st_size) + "\t" +
           std::to_string(mtime_ns) + "\t" + std::to_string(info.st_ino) + "\n";
  }
  return key;
}

// The digest of the last record whose key is `key`, or "".
std::string Lookup(const std::filesystem::path& cache, const std::string& key) {
  auto text = ReadTextFile(cache);
  if (!text) return {};
  std::string found;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object()) continue;  // a torn or foreign line is ignored
    const auto k = record.find("key");
    const auto digest = record.find("sha256");
    if (k != record.end() && digest != record.end() && k->is_string() && digest->is_string() && *k == key) {
      found = digest->get<std::string>();
    }
  }
  return found;
}

void Append(const std::filesystem::path& cache, const std::string& key, const std::string& digest) {
  std::error_code error;
  if (cache.has_parent_path()) std::filesystem::create_directories(cache.parent_path(), error);
  std::string line = nlohmann::json{{"key", key}, {"sha256", digest}}.dump() + "\n";
  const int fd = ::open(cache.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  // After a torn last line (a writer killed mid-line) start a new line.
  struct stat info {};
  char last = '\n';
  if (::fstat(fd, &info) == 0 && info.st_size > 0 && ::pread(fd, &last, 1, info.st_size - 1) == 1 &&
      last != '\n') {
    line.insert(line.begin(), '\n');
  }
  [[maybe_unused]] const ssize_t written = ::write(fd, line.data(), line.size());
  ::close(fd);
}

}  // namespace

std::filesystem::path DefaultDigestCachePath() {
  const char* cache_home = std::getenv("XDG_CACHE_HOME");
  if (cache_home != nullptr && *cache_home != '\0')
    return std::filesystem::path(cache_home) / "vleval" / "digests.jsonl";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".cache" / "vleval" / "digests.jsonl";
}

Result<std::string> DigestCache::Sha256OfFiles(const std::vector<std::filesystem::path>& files) const {
  last_was_cached_ = false;
  if (file_.empty()) return vleval::Sha256OfFiles(files);
  auto key = KeyOf(files);
  if (!key) return vleval::Sha256OfFiles(files);  // names the unreadable file
  if (std::string cached = Lookup(file_, *key); !cached.empty()) {
    last_was_cached_ = true;
    return cached;
  }
  auto digest = vleval::Sha256OfFiles(files);
  if (!digest) return digest;
  // The key is taken again: a file written while it was hashed is not cached.
  auto after = KeyOf(files);
  if (after && *after == *key) Append(file_, *key, *digest);
  return digest;
}

Result<nlohmann::json> DescribeInputFile(const std::string& option, const std::filesystem::path& path,
                                         const DigestCache& cache) {
  std::error_code error;
  if (path.empty()) return Error{"--" + option + " is required"};
  if (!std::filesystem::exists(path, error))
    return Error{"--" + option + " " + path.string() + ": no such file"};
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path, error)) {
    for (const auto& item : std::filesystem::recursive_directory_iterator(path, error)) {
      if (item.is_regular_file()) files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  auto digest = cache.Sha256OfFiles(files);
  if (!digest) return Error{"--" + option + ": " + digest.error().message};
  return nlohmann::json{{"name", path.filename().string()}, {"sha256", *digest}};
}

}  // namespace vleval
