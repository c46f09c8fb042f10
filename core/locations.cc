#include "core/locations.h"

#include <cstdlib>
#include <system_error>
#include <vector>

namespace vleval {

std::filesystem::path ExecutableDir() {
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path{} : exe.parent_path();
}

Result<std::filesystem::path> FindConfigDir(const std::string& explicit_dir) {
  std::vector<std::filesystem::path> candidates;
  if (!explicit_dir.empty()) {
    candidates.emplace_back(explicit_dir);
  } else {
    if (const char* env = std::getenv("VLEVAL_CONFIGS"); env != nullptr && *env != '\0') {
      candidates.emplace_back(env);
    }
    if (auto exe_dir = ExecutableDir(); !exe_dir.empty()) {
      candidates.push_back(exe_dir.parent_path() / "share" / "vleval" / "configs");
    }
    candidates.emplace_back(VLEVAL_SOURCE_CONFIG_DIR);
  }
  std::string tried;
  for (const auto& dir : candidates) {
    std::error_code error;
    if (std::filesystem::is_directory(dir / "tasks", error)) return dir;
    tried += (tried.empty() ? "" : ", ") + dir.string();
  }
  return Error{"no configs folder (with tasks/) found; tried: " + tried +
               " (set --configs or VLEVAL_CONFIGS)"};
}

}  // namespace vleval
