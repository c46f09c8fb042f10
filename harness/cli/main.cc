// vleval: entry point. Dispatches `vleval <command> [options]` to the
// subcommands of command_table.cc.
#include <exception>
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

// Runs one command. An exception that escapes it (a filesystem call on a
// symlink loop or a name too long, an allocation failure) is the work
// failing: exit 1 with its message, never an abort. Output that cannot be
// written (a full disk behind stdout, a closed pipe) is a failure too.
int RunCommand(const vleval::cli::Command& command, const std::vector<std::string>& args) {
  int code = vleval::cli::kExitFailure;
  try {
    code = command.run(args);
  } catch (const std::exception& e) {
    std::cerr << "vleval " << command.name << ": " << e.what() << "\n";
    code = vleval::cli::kExitFailure;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "vleval " << command.name << ": cannot write to standard output\n";
    return vleval::cli::kExitFailure;
  }
  return code;
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
    return std::cout.flush() ? vleval::cli::kExitOk : vleval::cli::kExitFailure;
  }
  if (first == "--version") {
    std::cout << "vleval " << vleval::kVersion << "\n";
    return std::cout.flush() ? vleval::cli::kExitOk : vleval::cli::kExitFailure;
  }
  std::vector<std::string> names;
  for (const auto& command : AllCommands()) {
    if (command.name == first) return RunCommand(command, {args.begin() + 1, args.end()});
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
