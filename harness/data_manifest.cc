#include "harness/data_manifest.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>

#include <openssl/evp.h>

#include "core/json_file.h"
#include "core/path_containment.h"

namespace vleval {
namespace {

std::string ManifestKey(const std::filesystem::path& data_root, const std::filesystem::path& file) {
  const auto relative = file.lexically_normal().lexically_relative(data_root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return file.lexically_normal().string();
  return relative.generic_string();
}

}  // namespace

Result<std::string> Sha256OfFile(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    return Error{"cannot open " + path.string() + ": not a regular file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open " + path.string()};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    return Error{"sha256 unavailable for " + path.string()};
  }
  std::array<char, 1 << 16> buffer;
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Error{"cannot read " + path.string()};
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest;
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest.data(), &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

Result<nlohmann::json> BuildManifest(const std::filesystem::path& data_root,
                                     const std::vector<std::filesystem::path>& files) {
  std::map<std::string, std::filesystem::path> unique;
  for (const auto& file : files) {
    const auto absolute = file.is_absolute() ? file : data_root / file;
    unique.emplace(ManifestKey(data_root, absolute), absolute);
  }
  nlohmann::json digests = nlohmann::json::object();
  for (const auto& [key, path] : unique) {
    auto digest = Sha256OfFile(path);
    if (!digest) return digest.error();
    digests[key] = *digest;
  }
  return nlohmann::json{{"version", 1}, {"files", digests}};
}

Status VerifyManifest(const nlohmann::json& manifest, const std::filesystem::path& data_root) {
  const auto files = manifest.is_object() ? manifest.find("files") : manifest.end();
  if (!manifest.is_object() || files == manifest.end() || !files->is_object()) {
    return Error{"manifest: expected {\"version\": 1, \"files\": {path: sha256}}"};
  }
  std::string problems;
  std::size_t count = 0;
  const auto root = ResolvedPath(data_root);
  for (const auto& [key, expected] : files->items()) {
    const std::filesystem::path path(key);
    const auto file = path.is_absolute() ? path : data_root / path;
    // A manifest is outside input too: it names files under the data root only.
    if (!IsInside(file, root)) {
      problems += "\n  outside the data root (not read): " + TextPreview(key, 200);
      ++count;
      continue;
    }
    auto digest = Sha256OfFile(file);
    if (!digest) {
      problems += "\n  missing: " + key;
    } else if (!expected.is_string() || *digest != expected.get<std::string>()) {
      problems += "\n  changed: " + key + " (sha256 " + *digest + ")";
    } else {
      continue;
    }
    ++count;
  }
  if (count == 0) return {};
  return Error{std::to_string(count) + " of " + std::to_string(files->size()) +
               " files differ from the manifest:" + problems};
}

}  // namespace vleval
