// vleval: entry point. Dispatches `vleval <command> [options]` to the
// subcommands of command_table.cc.
#include <iostream>
#include <string>
#include <vector>

#include "core/text_distance.h"
#include "harness/cli/command.h"
#include "harness/version.h"

namespace {

using vleval::cli::AllCommands;

void PrintHelp(std::ostream& out) {
  out << "vleval " << vleval::kVersion
      << ": benchmark evaluation for vision-language models with task identifiers\n\n"
         "usage: vleval <command> [options]    (vleval <command> --help for its options)\n\n"
         "commands:\n";
  for (const auto& command : AllCommands()) {
    out << "  " << command.name << std::string(12 - std::min<std::size_t>(11, command.name.size()), ' ')
        << command.summary << "\n";
  }
  out << "\noptions:\n  -h [ --help ]     show this help and exit\n"
         "  --version         print the version and exit\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintHelp(std::cerr);
    return vleval::cli::kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    PrintHelp(std::cout);
    return vleval::cli::kExitOk;
  }
  if (first == "--version") {
    std::cout << "vleval " << vleval::kVersion << "\n";
    return vleval::cli::kExitOk;
  }
  std::vector<std::string> names;
  for (const auto& command : AllCommands()) {
    if (command.name == first) return command.run({args.begin() + 1, args.end()});
    names.push_back(command.name);
  }
  if (!first.empty() && first[0] == '-') {
    std::cerr << "vleval: unknown option '" << first << "' (options go after the command)\n";
  } else {
    std::cerr << "vleval: " << vleval::UnknownNameMessage("command", first, names) << "\n";
  }
  std::cerr << "Try 'vleval --help'.\n";
  return vleval::cli::kExitUsage;
}
