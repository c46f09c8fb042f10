#include "harness/cli/unbuilt_command.h"

#include <iostream>

namespace vleval::cli {

Command UnbuiltCommand(std::string name, std::string summary, std::string what) {
  Command command;
  command.summary = summary + " [not built yet]";
  command.run = [name, what](const std::vector<std::string>&) {
    std::cerr << "vleval " << name << ": not built yet (" << what << ")\n";
    return kExitUsage;
  };
  command.name = std::move(name);
  return command;
}

}  // namespace vleval::cli
