// `vleval tasks`: the task registry, from the configs folder.
#include <iostream>

#include "benchmarks/task_catalog.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/task_listing.h"
#include "reports/paper_reference.h"

namespace vleval::cli {

Command TasksCommand() {
  return {"tasks", "list every task, suite and shorthand with its prompt template",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval tasks options");
            std::string configs;
            options.add_options()
                ("configs", po::value(&configs), "configs folder (default: $VLEVAL_CONFIGS, then the installed or source configs/)")
                ("json", "print JSON instead of text");
            po::variables_map values;
            switch (ParseCommandOptions("tasks", "vleval tasks [--configs DIR] [--json]", options, {},
                                        args, values, std::cout, std::cerr)) {
              case ParseOutcome::kShowedHelp: return kExitOk;
              case ParseOutcome::kUsageError: return kExitUsage;
              case ParseOutcome::kRun: break;
            }
            auto dir = FindConfigDir(configs);
            if (!dir) {
              std::cerr << "vleval tasks: " << dir.error().message << "\n";
              return kExitFailure;
            }
            auto catalog = TaskCatalog::Load(*dir);
            if (!catalog) {
              std::cerr << "vleval tasks: " << catalog.error().message << "\n";
              return kExitFailure;
            }
            if (values.count("json") != 0) {
              std::cout << TaskListingJson(*catalog).dump(2) << "\n";
              return kExitOk;
            }
            auto paper = PaperReference::Load(*dir / "reference" / "minigptv2-paper.json");
            if (!paper) std::cerr << "vleval tasks: note: " << paper.error().message << "\n";
            std::cout << FormatTaskListing(*catalog, paper ? &*paper : nullptr);
            return kExitOk;
          }};
}

}  // namespace vleval::cli
