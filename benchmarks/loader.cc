#include "benchmarks/loader.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "benchmarks/loaders/builtin_loaders.h"
#include "core/json_file.h"
#include "core/path_containment.h"

namespace vleval {

namespace {

// The first repeat among `ids` ((id, position) pairs): the positions of
// the earlier and the later sample of the repeated id whose later sample
// comes first; nullopt when all differ. Sorts `ids`.
template <typename Id>
std::optional<std::pair<std::size_t, std::size_t>> FirstRepeat(
    std::vector<std::pair<Id, std::uint32_t>>& ids) {
  std::sort(ids.begin(), ids.end());
  std::optional<std::pair<std::size_t, std::size_t>> repeated;
  for (std::size_t k = 1; k < ids.size(); ++k) {
    // Equal ids sit together in position order: the first of a group is
    // the one before its second.
    if (ids[k].first != ids[k - 1].first || (k >= 2 && ids[k - 2].first == ids[k].first)) continue;
    if (!repeated || ids[k].second < repeated->second) repeated = {{ids[k - 1].second, ids[k].second}};
  }
  return repeated;
}

// The first sample, in sample order, whose id an earlier sample has, with
// that earlier one (1 and "1" differ); nullopt when every id differs. By
// sorting: 200,000 OK-VQA ids are not put into a hash map one node each.
std::optional<std::pair<std::size_t, std::size_t>> FirstRepeatedId(const std::vector<Sample>& samples) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> numbers;   // unsigned integer ids
  std::vector<std::pair<std::string_view, std::uint32_t>> texts;  // string ids (views into the samples)
  std::vector<std::pair<std::string, std::uint32_t>> others;      // the dumps of any other (rare)
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const nlohmann::json& id = samples[i].id;
    const auto position = static_cast<std::uint32_t>(i);
    if (id.is_number_unsigned()) {
      numbers.emplace_back(id.get<std::uint64_t>(), position);
    } else if (id.is_string()) {
      texts.emplace_back(id.get_ref<const std::string&>(), position);
    } else {
      others.emplace_back(id.dump(), position);
    }
  }
  std::optional<std::pair<std::size_t, std::size_t>> repeated;
  for (const auto& found : {FirstRepeat(numbers), FirstRepeat(texts), FirstRepeat(others)}) {
    if (found && (!repeated || found->second < repeated->second)) repeated = found;
  }
  return repeated;
}

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
                                      bool for_model) {
  auto entry = Loaders().Find(config.loader);
  if (!entry) return Error{"task '" + config.name + "': " + entry.error().message};
  auto loaded = (*entry)->load(LoaderInput{config.name, data_root, config.loader_options, for_model});
  if (!loaded) return Error{"task '" + config.name + "': " + loaded.error().message};
  const std::string files = loaded->files.empty() ? data_root.string() : loaded->files.front().string();
  if (loaded->samples.empty()) return Error{"task '" + config.name + "': " + files + " holds no samples"};

  if (auto repeated = FirstRepeatedId(loaded->samples)) {
    const auto [first, again] = *repeated;
    return Error{"task '" + config.name + "': " + files + ": sample id " + loaded->samples[again].id.dump() +
                 " appears twice (samples " + std::to_string(first) + " and " + std::to_string(again) + ")"};
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
