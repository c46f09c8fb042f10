// Entries for subcommands whose issue has not landed yet: they say so plainly
// and exit 2, so that nothing pretends to work.
#pragma once

#include <string>

#include "harness/cli/command.h"

namespace vleval::cli {

// A command `name` that prints "vleval <name>: not built yet (<what>)" to
// stderr and exits 2, whatever its arguments.
Command UnbuiltCommand(std::string name, std::string summary, std::string what);

}  // namespace vleval::cli
