// Boost.Program_options plumbing shared by the subcommands: `--help` on every
// command, uniform messages for unknown or malformed options (exit 2).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace vleval::cli {

namespace po = boost::program_options;

enum class ParseOutcome {
  kRun,         // options parsed; run the command
  kShowedHelp,  // --help was printed; exit 0
  kUsageError,  // an error was printed to `err`; exit 2
};

// Parses `args` for command `command` into `values`. Adds --help to
// `options`. `usage` is the synopsis line printed above the option list.
// Unknown options, missing values, and a required option left out are
// reported as "vleval <command>: <what>" plus a pointer to --help.
ParseOutcome ParseCommandOptions(const std::string& command, const std::string& usage,
                                 po::options_description& options,
                                 const po::positional_options_description& positional,
                                 const std::vector<std::string>& args, po::variables_map& values,
                                 std::ostream& out, std::ostream& err);

}  // namespace vleval::cli
