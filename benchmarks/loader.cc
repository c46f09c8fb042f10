#include "benchmarks/loader.h"

#include <unordered_map>

#include "benchmarks/loaders/builtin_loaders.h"

namespace vleval {

const Registry<LoaderEntry>& Loaders() {
  static const Registry<LoaderEntry> registry = [] {
    Registry<LoaderEntry> table("loader");
    AddBuiltinLoaders(table);
    return table;
  }();
  return registry;
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
    const std::string key = loaded->samples[i].id.dump();
    auto [it, inserted] = first_position.emplace(key, i);
    if (!inserted) {
      return Error{"task '" + config.name + "': " + files + ": sample id " + key +
                   " appears twice (samples " + std::to_string(it->second) + " and " + std::to_string(i) +
                   ")"};
    }
  }
  if (config.expected_count && static_cast<std::size_t>(*config.expected_count) != loaded->samples.size()) {
    loaded->warnings.push_back("task '" + config.name + "': " + files + " holds " +
                               std::to_string(loaded->samples.size()) + " samples, the published count is " +
                               std::to_string(*config.expected_count));
  }
  return loaded;
}

Result<std::filesystem::path> ResolveImage(const Sample& sample) {
  std::string tried;
  for (const auto& path : sample.image_candidates) {
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error)) return path;
    tried += "\n  " + path.string();
  }
  return Error{"sample " + sample.id.dump() + ": image not found; tried:" + tried};
}

}  // namespace vleval
