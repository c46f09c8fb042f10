#include "harness/cli/options.h"

#include <ostream>

namespace vleval::cli {

ParseOutcome ParseCommandOptions(const std::string& command, const std::string& usage,
                                 po::options_description& options,
                                 const po::positional_options_description& positional,
                                 const std::vector<std::string>& args, po::variables_map& values,
                                 std::ostream& out, std::ostream& err) {
  options.add_options()("help,h", "show this help and exit");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help") != 0) {
      out << "usage: " << usage << "\n\n" << options << "\n";
      return ParseOutcome::kShowedHelp;
    }
    po::notify(values);
  } catch (const po::error& e) {
    err << "vleval " << command << ": " << e.what() << "\n"
        << "Try 'vleval " << command << " --help'.\n";
    return ParseOutcome::kUsageError;
  }
  return ParseOutcome::kRun;
}

}  // namespace vleval::cli
