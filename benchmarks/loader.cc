#include "benchmarks/loader.h"

#include <mutex>
#include <unordered_map>
#include <utility>

#include "benchmarks/loaders/builtin_loaders.h"
#include "core/json_file.h"
#include "core/path_containment.h"
#include "core/sample_id.h"

namespace vleval {

namespace {

// The data root and every image folder of loader_options.image_dirs (relative
// ones are under the data root), resolved.
std::vector<std::filesystem::path> ImageRoots(const TaskConfig& config,
                                              const std::filesystem::path& data_root) {
  std::vector<std::filesystem::path> roots{ResolvedPath(data_root)};
  const auto& options = config.loader_options;
  if (options.is_object() && options.contains("image_dirs") && options["image_dirs"].is_array()) {
    for (const auto& dir : options["image_dirs"]) {
      if (!dir.is_string()) continue;
      const std::filesystem::path path(dir.get<std::string>());
      roots.push_back(ResolvedPath(path.is_absolute() ? path : data_root / path));
    }
  }
  return roots;
}

// Loaders given to RegisterLoader, until Loaders() takes them.
struct PendingLoaders {
  std::mutex mutex;
  std::vector<std::pair<std::string, LoaderEntry>> entries;
  bool taken = false;
};

PendingLoaders& Pending() {
  static PendingLoaders pending;
  return pending;
}

}  // namespace

bool RegisterLoader(const std::string& name, LoaderEntry entry) {
  PendingLoaders& pending = Pending();
  const std::lock_guard lock(pending.mutex);
  if (pending.taken) return false;
  for (const auto& [taken, _] : pending.entries)
    if (taken == name) return false;
  pending.entries.emplace_back(name, std::move(entry));
  return true;
}

const Registry<LoaderEntry>& Loaders() {
  static const Registry<LoaderEntry> registry = [] {
    Registry<LoaderEntry> table("loader");
    AddBuiltinLoaders(table);
    PendingLoaders& pending = Pending();
    const std::lock_guard lock(pending.mutex);
    pending.taken = true;
    for (auto& [name, entry] : pending.entries) table.Add(name, std::move(entry));
    pending.entries.clear();
    return table;
  }();
  return registry;
}

Result<TaskFamily> FindTaskFamily(const TaskConfig& config, const std::filesystem::path& data_root) {
  auto entry = Loaders().Find(config.loader);
  if (!entry) return Error{"task '" + config.name + "': " + entry.error().message};
  TaskFamily family{*entry, LoaderInput{config.name, data_root, config.loader_options, false},
                    (*entry)->request_kind};
  if (family.request_kind == RequestKind::kGenerate && !config.generation.first_token_probability.empty())
    family.request_kind = RequestKind::kGenerateWithFirstToken;
  return family;
}

Result<LoadedSamples> LoadTaskSamples(const TaskConfig& config, const std::filesystem::path& data_root,
                                      bool with_images) {
  auto entry = Loaders().Find(config.loader);
  if (!entry) return Error{"task '" + config.name + "': " + entry.error().message};
  auto loaded = (*entry)->load(LoaderInput{config.name, data_root, config.loader_options, with_images});
  if (!loaded) return Error{"task '" + config.name + "': " + loaded.error().message};
  const std::string files = loaded->files.empty() ? data_root.string() : loaded->files.front().string();
  if (loaded->samples.empty()) return Error{"task '" + config.name + "': " + files + " holds no samples"};

  std::unordered_map<std::string, std::size_t> first_position;
  first_position.reserve(loaded->samples.size());
  for (std::size_t i = 0; i < loaded->samples.size(); ++i) {
    // The id's text, a string one marked by a leading quote (1 and "1" differ).
    const nlohmann::json& id = loaded->samples[i].id;
    const std::string key = id.is_string() ? "\"" + SampleIdText(id) : SampleIdText(id);
    auto [it, inserted] = first_position.emplace(key, i);
    if (!inserted) {
      return Error{"task '" + config.name + "': " + files + ": sample id " + id.dump() +
                   " appears twice (samples " + std::to_string(it->second) + " and " + std::to_string(i) +
                   ")"};
    }
  }
  if (config.expected_count && static_cast<std::size_t>(*config.expected_count) != loaded->samples.size()) {
    loaded->warnings.push_back("task '" + config.name + "': " + files + " holds " +
                               std::to_string(loaded->samples.size()) + " samples, the published count is " +
                               std::to_string(*config.expected_count));
  }
  loaded->image_roots = ImageRoots(config, data_root);
  return loaded;
}

Result<std::filesystem::path> ResolveImage(const Sample& sample,
                                           const std::vector<std::filesystem::path>& image_roots) {
  std::string tried;
  std::string outside;
  for (const auto& path : sample.image_candidates) {
    std::error_code error;
    const bool exists = std::filesystem::exists(path, error);
    if (exists && !image_roots.empty() && !IsInsideAny(path, image_roots)) {
      outside += "\n  " + path.string();
      continue;
    }
    if (std::filesystem::is_regular_file(path, error)) return path;
    tried += "\n  " + path.string() + (exists ? " (not a regular file)" : "");
  }
  const std::string id = TextPreview(sample.id.dump());
  if (!outside.empty()) {
    return Error{"sample " + id + ": image path outside the data root " + image_roots.front().string() +
                 " and the task's image folders (not read; --allow-outside-paths lifts this):" + outside};
  }
  return Error{"sample " + id + ": image not found; tried:" + tried};
}

}  // namespace vleval
