#include "harness/cli/options.h"

#include <algorithm>
#include <iostream>
#include <ostream>
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
