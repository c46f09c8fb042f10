#include "core/path_containment.h"

#include <algorithm>
#include <system_error>

namespace vleval {
namespace {

bool HasPrefix(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty() && std::next(r) == root.end()) return true;  // root ends with a separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

std::filesystem::path ResolvedPath(const std::filesystem::path& path) {
  std::error_code error;
  auto absolute = std::filesystem::absolute(path, error);
  if (error) return {};
  auto resolved = std::filesystem::weakly_canonical(absolute, error);
  if (error) return {};
  return resolved;
}

bool IsInside(const std::filesystem::path& path, const std::filesystem::path& resolved_root) {
  const auto resolved = ResolvedPath(path);
  if (resolved.empty() || resolved_root.empty()) return false;
  return HasPrefix(resolved, resolved_root);
}

bool IsInsideAny(const std::filesystem::path& path,
                 const std::vector<std::filesystem::path>& resolved_roots) {
  const auto resolved = ResolvedPath(path);
  if (resolved.empty()) return false;
  return std::any_of(resolved_roots.begin(), resolved_roots.end(), [&](const std::filesystem::path& root) {
    return !root.empty() && HasPrefix(resolved, root);
  });
}

}  // namespace vleval
