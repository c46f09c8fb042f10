// TaskCatalog: every task and suite under a configs folder, and the expansion
// of command-line names (tasks, shorthands such as "refcoco", suites such as
// "paper-table2") into run entries.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "benchmarks/task_config.h"
#include "core/result.h"

namespace vleval {

// One task to run: the task, which prompt variant, which identifier choice
// ("default", "none" or a token; see IdentifierChoice).
struct RunEntry {
  std::string task;
  std::string variant;  // "" = the task's default variant
  std::string identifier = "default";
};

// configs/suites/<name>.json. A shorthand (refcoco, refcoco+, refcocog) is a
// suite that stands for a group of splits and may be named like a task.
struct SuiteConfig {
  std::string name;
  int version = 1;
  std::string description;
  bool shorthand = false;
  std::vector<RunEntry> entries;
};

class TaskCatalog {
 public:
  // Reads <dir>/tasks/*.json and <dir>/suites/*.json (sorted by file name).
  // Any unreadable or invalid file, and a suite naming an unknown task or
  // variant, is an error naming the file.
  static Result<TaskCatalog> Load(const std::filesystem::path& config_dir);

  const std::map<std::string, TaskConfig>& tasks() const { return tasks_; }
  // The folder Load read.
  const std::filesystem::path& config_dir() const { return config_dir_; }
  // <config_dir>/models/minigptv2-7b.json: the model config of commands that
  // name none and have no backend to ask (validate, tasks --show-prompt).
  std::filesystem::path DefaultModelConfig() const { return ModelConfigPath("minigptv2-7b"); }
  // configs/models/<name>.json of this catalog's configs folder.
  std::filesystem::path ModelConfigPath(const std::string& name) const {
    return config_dir_ / "models" / (name + ".json");
  }
  const std::map<std::string, SuiteConfig>& suites() const { return suites_; }

  // The task called `name`, or an error with the closest known names.
  Result<const TaskConfig*> FindTask(const std::string& name) const;

  // Expands task names and shorthands ("okvqa,refcoco") into entries, in order.
  Result<std::vector<RunEntry>> ExpandTasks(const std::vector<std::string>& names) const;
  // The entries of suite `name`.
  Result<std::vector<RunEntry>> ExpandSuite(const std::string& name) const;

 private:
  std::filesystem::path config_dir_;
  std::map<std::string, TaskConfig> tasks_;
  std::map<std::string, SuiteConfig> suites_;
};

}  // namespace vleval
