// The subcommands of the `vleval` executable. Each lives in its own
// cmd_<name>.cc and is listed once in command_table.cc.
//
// Exit codes, for every command: 0 success, 1 the work failed (bad data, a
// missing file; the message names it), 2 a usage error (unknown option, bad
// value, unknown task or dialect).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace vleval::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  std::string name;
  std::string summary;  // one line for `vleval --help`
  // Runs with the arguments after the command name; returns the exit code.
  std::function<int(const std::vector<std::string>& args)> run;
};

// Every subcommand, in the order `vleval --help` lists them.
const std::vector<Command>& AllCommands();

}  // namespace vleval::cli
