// `vleval validate`: renders the first N prompts of every task of a suite (or
// of the named tasks) from a data root, with no model loaded, and checks that
// their images exist.
#include <iostream>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/split.hpp>

#include "benchmarks/task_catalog.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/data_prompts.h"

namespace vleval::cli {

Command ValidateCommand() {
  return {"validate", "render prompts of every task from its data, no model",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval validate options");
            std::string data_root, tasks, suite, identifier, configs;
            std::size_t samples = 2;
            options.add_options()("data-root", po::value(&data_root), "data root (default: $VLEVAL_DATA)")(
                "tasks", po::value(&tasks), "comma-separated tasks or shorthands")(
                "suite", po::value(&suite), "a suite, e.g. paper-table2 (default: every task)")(
                "samples", po::value(&samples), "prompts per task (default 2)")(
                "identifier", po::value(&identifier), "default|none|<token>: override the task identifier")(
                "configs", po::value(&configs), "configs folder");
            po::variables_map values;
            if (auto stop = ParseCommandOptions("validate",
                                                "vleval validate [--suite S | --tasks T,...] --data-root DIR",
                                                options, {}, args, values, std::cout, std::cerr))
              return *stop;
            auto fail = [](const std::string& message) { return CommandFailure("validate", message); };
            auto root = ResolveDataRoot(data_root);
            if (!root) return fail(root.error().message);
            auto catalog = LoadTaskCatalog(configs);
            if (!catalog) return fail(catalog.error().message);
            std::vector<RunEntry> entries;
            if (!suite.empty()) {
              auto expanded = catalog->ExpandSuite(suite);
              if (!expanded) return fail(expanded.error().message);
              entries = *expanded;
            } else if (!tasks.empty()) {
              std::vector<std::string> names;
              boost::split(names, tasks, boost::is_any_of(","));
              auto expanded = catalog->ExpandTasks(names);
              if (!expanded) return fail(expanded.error().message);
              entries = *expanded;
            } else {
              for (const auto& [name, config] : catalog->tasks()) entries.push_back({name, "", "default"});
            }
            std::size_t failures = 0;
            for (const auto& entry : entries) {
              auto prompts = RenderPrompts(*catalog, entry, identifier, *root, 0, samples);
              if (!prompts) {
                std::cout << entry.task << ": FAILED: " << prompts.error().message << "\n";
                ++failures;
                continue;
              }
              for (const auto& prompt : *prompts) {
                std::cout << prompt.task << " [" << prompt.variant << ", identifier " << prompt.identifier
                          << "] #" << prompt.index << " id " << prompt.id.dump()
                          << "\n  prompt: " << prompt.prompt
                          << "\n  image: " << (prompt.image_found ? prompt.image : "MISSING: " + prompt.image)
                          << "\n";
                failures += prompt.image_found ? 0 : 1;
              }
            }
            std::cout << "validate: " << entries.size() << " entries, " << failures << " problems\n";
            return failures == 0 ? kExitOk : kExitFailure;
          }};
}

}  // namespace vleval::cli
