#include "harness/cli/options.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <ostream>
#include <set>
#include <thread>

#include "core/locations.h"
#include "harness/cli/command.h"

namespace vleval::cli {

std::optional<int> ParseCommandOptions(const std::string& command, const std::string& usage,
                                       po::options_description& options,
                                       const po::positional_options_description& positional,
                                       const std::vector<std::string>& args, po::variables_map& values,
                                       std::ostream& out, std::ostream& err) {
  options.add_options()("help,h", "show this help and exit");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help") != 0) {
      out << "usage: " << usage << "\n\n" << options << "\n";
      return kExitOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    err << "vleval " << command << ": " << e.what() << "\n"
        << "Try 'vleval " << command << " --help'.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<int> CheckRange(const std::string& command, const std::string& option, long long value,
                              long long low, long long high, const std::string& why) {
  if (value >= low && value <= high) return std::nullopt;
  std::cerr << "vleval " << command << ": --" << option << " must be from " << low << " to " << high
            << ", got " << value << (why.empty() ? "" : " (" + why + ")") << "\n"
            << "Try 'vleval " << command << " --help'.\n";
  return kExitUsage;
}

long long MaxThreadsOption() {
  return 4 * static_cast<long long>(std::max(1u, std::thread::hardware_concurrency()));
}

po::options_description BackendOptionsGroup(const BackendList& backends, bool with_choice) {
  po::options_description group("backend options");
  if (with_choice) {
    std::string help = "the model backend:";
    for (const auto& [name, entry] : backends) {
      help += "\n  " + name + (name == DefaultBackendName() ? " (default)" : "") + ": " + entry->summary;
    }
    group.add_options()("backend", po::value<std::string>(), help.c_str());
  }
  // Options by name, in the order the backends declare them; the first
  // declaration gives the help, every backend taking it is named.
  std::vector<std::string> order;
  std::map<std::string, std::pair<const BackendOptionSpec*, std::vector<std::string>>> specs;
  for (const auto& [name, entry] : backends) {
    for (const BackendOptionSpec& spec : entry->options) {
      auto [it, added] = specs.try_emplace(spec.name, &spec, std::vector<std::string>{});
      if (added) order.push_back(spec.name);
      it->second.second.push_back(name);
    }
  }
  for (const std::string& option : order) {
    const auto& [spec, takers] = specs.at(option);
    std::string help;
    if (with_choice) {
      help = "[";
      for (std::size_t i = 0; i < takers.size(); ++i) help += (i ? ", " : "") + takers[i];
      help += "] ";
    }
    help += spec->help;
    if (!spec->default_value.empty()) help += " (default: " + spec->default_value + ")";
    group.add_options()(option.c_str(), po::value<std::string>(), help.c_str());
  }
  return group;
}

Result<BackendSettings> BackendSettingsFor(const std::string& name, const BackendEntry& entry,
                                           const BackendList& backends, const po::variables_map& values) {
  BackendSettings settings;
  std::set<std::string> taken;
  for (const BackendOptionSpec& spec : entry.options) {
    taken.insert(spec.name);
    settings[spec.name] = values.count(spec.name) ? values[spec.name].as<std::string>() : spec.default_value;
  }
  for (const auto& [other, other_entry] : backends) {
    for (const BackendOptionSpec& spec : other_entry->options) {
      if (values.count(spec.name) && !taken.count(spec.name))
        return Error{"--" + spec.name + " is an option of backend " + other + ", not of " + name};
    }
  }
  return settings;
}

int CommandFailure(const std::string& command, const std::string& message) {
  std::cerr << "vleval " << command << ": " << message << "\n";
  return kExitFailure;
}

Result<TaskCatalog> LoadTaskCatalog(const std::string& configs_option) {
  auto dir = FindConfigDir(configs_option);
  if (!dir) return dir.error();
  return TaskCatalog::Load(*dir);
}

}  // namespace vleval::cli
