// The list of subcommands. Each command's code is in its own cmd_<name>.cc.
#include "harness/cli/command.h"

namespace vleval::cli {

Command ConvertCommand();
Command GenerateCommand();
Command PreprocessCommand();
Command TasksCommand();
Command ValidateCommand();
Command DataCommand();
Command VersionCommand();
Command ReportCommand();
Command ScoreCommand();
Command CompareCommand();
Command HistoryCommand();
Command RunCommand();
Command MergeCommand();

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {
      TasksCommand(),    ValidateCommand(), DataCommand(),    ScoreCommand(), PreprocessCommand(),
      GenerateCommand(), ConvertCommand(),  RunCommand(),     MergeCommand(), ReportCommand(),
      CompareCommand(),  HistoryCommand(),  VersionCommand(),
  };
  return commands;
}

}  // namespace vleval::cli
