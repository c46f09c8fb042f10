// The list of subcommands. Each command's code is in its own cmd_<name>.cc.
#include "harness/cli/command.h"
#include "harness/cli/unbuilt_command.h"

namespace vleval::cli {

Command TasksCommand();
Command VersionCommand();

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {
      TasksCommand(),
      UnbuiltCommand("validate", "render prompts of every task from its data, no model",
                     "benchmark adapters"),
      UnbuiltCommand("score", "score a predictions file under a dialect", "metrics"),
      UnbuiltCommand("preprocess", "write an image as the model sees it (.npy)",
                     "image preprocessing"),
      UnbuiltCommand("generate", "run MiniGPT-v2 on one image and prompt", "MiniGPT-v2 backend"),
      UnbuiltCommand("convert", "write the model's three input files as one safetensors file",
                     "MiniGPT-v2 backend"),
      UnbuiltCommand("run", "evaluate a suite or tasks end to end (resumable, sharded)",
                     "vleval run"),
      UnbuiltCommand("merge", "combine the shards of a run", "vleval run"),
      UnbuiltCommand("report", "lay a run's results out like the paper's tables", "reports"),
      UnbuiltCommand("compare", "compare two runs; --gate fails on a significant drop",
                     "reports"),
      UnbuiltCommand("history", "show the trend of recorded runs", "reports"),
      VersionCommand(),
  };
  return commands;
}

}  // namespace vleval::cli
