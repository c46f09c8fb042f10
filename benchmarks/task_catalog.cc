#include "benchmarks/task_catalog.h"

#include <algorithm>

#include "core/json_file.h"
#include "core/text_distance.h"

namespace vleval {
namespace {

Result<std::vector<std::filesystem::path>> JsonFilesIn(const std::filesystem::path& dir) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir, error)) {
    if (item.path().extension() == ".json") files.push_back(item.path());
  }
  if (error) return Error{"cannot list " + dir.string() + ": " + error.message()};
  std::sort(files.begin(), files.end());
  return files;
}

Result<RunEntry> ParseEntry(const nlohmann::json& object, const std::string& where) {
  StrictObject reader(object, where);
  RunEntry entry;
  entry.task = reader.RequiredString("task");
  entry.variant = reader.OptionalString("variant");
  entry.identifier = reader.OptionalString("identifier", "default");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  return entry;
}

Result<SuiteConfig> LoadSuite(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  const std::string where = path.string();
  StrictObject reader(*json, where);
  SuiteConfig suite;
  suite.name = reader.RequiredString("name");
  suite.version = reader.RequiredInt("version");
  suite.description = reader.OptionalString("description");
  if (const auto* flag = reader.Child("shorthand")) suite.shorthand = flag->is_boolean() && flag->get<bool>();
  const auto* entries = reader.Child("entries");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  if (entries == nullptr || !entries->is_array() || entries->empty()) {
    return Error{where + ": 'entries' must be a non-empty array"};
  }
  suite.entries.reserve(entries->size());
  for (std::size_t i = 0; i < entries->size(); ++i) {
    auto entry = ParseEntry((*entries)[i], where + " entries[" + std::to_string(i) + "]");
    if (!entry) return entry.error();
    suite.entries.push_back(*entry);
  }
  if (suite.name != path.stem().string()) {
    return Error{where + ": name '" + suite.name + "' differs from the file name"};
  }
  return suite;
}

template <typename Map>
std::vector<std::string> KeysOf(const Map& map) {
  std::vector<std::string> keys;
  keys.reserve(map.size());
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

}  // namespace

Result<TaskCatalog> TaskCatalog::Load(const std::filesystem::path& config_dir) {
  TaskCatalog catalog;
  catalog.config_dir_ = config_dir;
  auto task_files = JsonFilesIn(config_dir / "tasks");
  if (!task_files) return task_files.error();
  for (const auto& path : *task_files) {
    auto task = LoadTaskConfig(path);
    if (!task) return task.error();
    catalog.tasks_.emplace(task->name, *task);
  }
  auto suite_files = JsonFilesIn(config_dir / "suites");
  if (!suite_files) return suite_files.error();
  for (const auto& path : *suite_files) {
    auto suite = LoadSuite(path);
    if (!suite) return suite.error();
    for (const auto& entry : suite->entries) {
      auto task = catalog.FindTask(entry.task);
      if (!task) return Error{path.string() + ": " + task.error().message};
      if (auto variant = (*task)->Variant(entry.variant); !variant) {
        return Error{path.string() + ": " + variant.error().message};
      }
    }
    if (catalog.tasks_.count(suite->name) != 0) {
      return Error{path.string() + ": suite name '" + suite->name + "' is also a task name"};
    }
    catalog.suites_.emplace(suite->name, *suite);
  }
  return catalog;
}

Result<const TaskConfig*> TaskCatalog::FindTask(const std::string& name) const {
  auto it = tasks_.find(name);
  if (it != tasks_.end()) return &it->second;
  return Error{UnknownNameMessage("task", name, KeysOf(tasks_))};
}

Result<std::vector<RunEntry>> TaskCatalog::ExpandTasks(const std::vector<std::string>& names) const {
  std::vector<RunEntry> entries;
  for (const auto& name : names) {
    if (tasks_.count(name) != 0) {
      entries.push_back(RunEntry{name, "", "default"});
      continue;
    }
    auto suite = suites_.find(name);
    if (suite != suites_.end() && suite->second.shorthand) {
      entries.insert(entries.end(), suite->second.entries.begin(), suite->second.entries.end());
      continue;
    }
    auto known = KeysOf(tasks_);
    for (const auto& [suite_name, config] : suites_) {
      if (config.shorthand) known.push_back(suite_name);
    }
    std::sort(known.begin(), known.end());
    return Error{UnknownNameMessage("task", name, known)};
  }
  return entries;
}

Result<std::vector<RunEntry>> TaskCatalog::ExpandSuite(const std::string& name) const {
  auto it = suites_.find(name);
  if (it == suites_.end()) return Error{UnknownNameMessage("suite", name, KeysOf(suites_))};
  return it->second.entries;
}

}  // namespace vleval
