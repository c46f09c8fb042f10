// Boost.Program_options plumbing shared by the subcommands: `--help` on every
// command, uniform messages for unknown or malformed options (exit 2), the
// uniform failure message (exit 1), and the task catalog of --configs.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>

#include "benchmarks/task_catalog.h"
#include "core/result.h"
#include "model/backend_registry.h"

namespace vleval::cli {

namespace po = boost::program_options;

// Parses `args` for command `command` into `values`, adding --help to
// `options`. Returns the exit code the command must return now: 0 after
// printing the help (synopsis `usage` + option list) to `out`, 2 after
// printing "vleval <command>: <what>" and a pointer to --help to `err`
// (unknown option, missing value, required option left out); nullopt when
// the command should run.
std::optional<int> ParseCommandOptions(const std::string& command, const std::string& usage,
                                       po::options_description& options,
                                       const po::positional_options_description& positional,
                                       const std::vector<std::string>& args, po::variables_map& values,
                                       std::ostream& out, std::ostream& err);

// Range check of a numeric option: nullopt when low <= value <= high, else
// prints "vleval <command>: --<option> must be from <low> to <high>, got
// <value>" (plus `why` when given) to stderr and returns kExitUsage.
std::optional<int> CheckRange(const std::string& command, const std::string& option, long long value,
                              long long low, long long high, const std::string& why = {});

// The most --threads accepted: a few times the machine's cores (more only
// costs memory and start-up time; a huge value would exhaust the process).
long long MaxThreadsOption();

// The backends a command offers, by name (e.g. every entry of Backends()).
using BackendList = std::vector<std::pair<std::string, const BackendEntry*>>;

// The options of `backends`, declared in their entries, as a group of
// --help ("backend options"): --backend NAME (when `with_choice`) and each
// option name once, its help naming the backends that take it and its
// default. Values are read back with BackendSettingsFor.
po::options_description BackendOptionsGroup(const BackendList& backends, bool with_choice);

// The settings of backend `name` (entry `entry` of `backends`): each option
// it declares, as given in `values` or its default. An option given that
// `name` does not take is an error naming both.
Result<BackendSettings> BackendSettingsFor(const std::string& name, const BackendEntry& entry,
                                           const BackendList& backends, const po::variables_map& values);

// Prints "vleval <command>: <message>" to stderr and returns 1 (the work failed).
int CommandFailure(const std::string& command, const std::string& message);

// The tasks and suites of the configs folder named by --configs (empty: the
// default places of FindConfigDir). Errors name the folder or file at fault.
Result<TaskCatalog> LoadTaskCatalog(const std::string& configs_option);

}  // namespace vleval::cli
