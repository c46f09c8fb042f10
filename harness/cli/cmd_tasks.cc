// `vleval tasks`: the task registry, from the configs folder; with
// --show-prompt, the exact prompt one sample of a task sends to the tokenizer.
#include <iostream>

#include "benchmarks/task_catalog.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/data_prompts.h"
#include "harness/task_listing.h"
#include "reports/paper_reference.h"

namespace vleval::cli {

Command TasksCommand() {
  return {"tasks", "list every task, suite and shorthand with its prompt template",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval tasks options");
            std::string configs, show_prompt, variant, identifier, data_root;
            std::size_t sample = 0;
            options.add_options()(
                "configs", po::value(&configs),
                "configs folder (default: $VLEVAL_CONFIGS, then the installed or source configs/)")(
                "json", "print JSON instead of text")(
                "show-prompt", po::value(&show_prompt),
                "print the exact prompt of TASK for one sample of --data-root")(
                "sample", po::value(&sample), "with --show-prompt: 0-based sample position (default 0)")(
                "variant", po::value(&variant), "with --show-prompt: prompt variant (default: the task's)")(
                "identifier", po::value(&identifier), "with --show-prompt: default|none|<token>")(
                "data-root", po::value(&data_root), "with --show-prompt: data root (default: $VLEVAL_DATA)");
            po::variables_map values;
            if (auto stop = ParseCommandOptions(
                    "tasks",
                    "vleval tasks [--configs DIR] [--json] | --show-prompt TASK [--sample N] --data-root DIR",
                    options, {}, args, values, std::cout, std::cerr))
              return *stop;
            auto dir = FindConfigDir(configs);
            if (!dir) return CommandFailure("tasks", dir.error().message);
            auto catalog = TaskCatalog::Load(*dir);
            if (!catalog) return CommandFailure("tasks", catalog.error().message);
            if (!show_prompt.empty()) {
              auto root = ResolveDataRoot(data_root);
              auto prompts = root ? RenderPrompts(*catalog, {show_prompt, variant, "default"}, identifier,
                                                  *root, sample, 1)
                                  : Result<std::vector<RenderedPrompt>>(root.error());
              if (!prompts) return CommandFailure("tasks", prompts.error().message);
              std::cout << prompts->front().prompt << "\n";
              return kExitOk;
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
