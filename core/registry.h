// Registry<Entry>: a name -> entry table, one instance per kind of plug-in
// (annotation loaders, metrics, box codecs, backends, report formats).
// Entries are registered once at start-up by the file that implements them;
// lookups of an unknown name fail with the known names and the closest ones.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/text_distance.h"

namespace vleval {

template <typename Entry>
class Registry {
 public:
  // `kind` names the table in error messages ("metric", "loader", ...).
  explicit Registry(std::string kind) : kind_(std::move(kind)) {}

  // Adds `entry` under `name`. Registering a name twice is a programming error
  // and returns false.
  bool Add(const std::string& name, Entry entry) { return entries_.emplace(name, std::move(entry)).second; }

  // The entry for `name`, or an error that lists the closest known names.
  Result<const Entry*> Find(const std::string& name) const {
    auto it = entries_.find(name);
    if (it != entries_.end()) return &it->second;
    return Error{UnknownNameMessage(kind_, name, Names())};
  }

  bool Contains(const std::string& name) const { return entries_.count(name) > 0; }

  // Registered names, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    names.reserve(entries_.size());
    for (const auto& [name, entry] : entries_) names.push_back(name);
    return names;
  }

 private:
  std::string kind_;
  std::map<std::string, Entry> entries_;
};

}  // namespace vleval
