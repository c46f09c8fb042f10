// Containment of paths named by outside files (an annotation's image entry, a
// shard named by a weights index): such a path may only be read when it
// resolves, after every symlink and "..", inside a folder the user named.
#pragma once

#include <filesystem>
#include <vector>

namespace vleval {

// `path` made absolute with every existing symlink and "." / ".." resolved
// (std::filesystem::weakly_canonical); empty when that fails (a symlink loop,
// a name too long): such a path is never inside anything.
std::filesystem::path ResolvedPath(const std::filesystem::path& path);

// True when ResolvedPath(path) equals or lies below `resolved_root` (itself a
// ResolvedPath). Never throws.
bool IsInside(const std::filesystem::path& path, const std::filesystem::path& resolved_root);

// True when one of `resolved_roots` (each a ResolvedPath) contains `path`.
bool IsInsideAny(const std::filesystem::path& path, const std::vector<std::filesystem::path>& resolved_roots);

}  // namespace vleval
