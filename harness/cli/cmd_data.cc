// `vleval data check` (validate a data root before any model work, write or
// verify a manifest) and `vleval data make-mini` (write the mini data root).
#include <fstream>
#include <iostream>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/split.hpp>

#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "core/json_file.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/data_check.h"
#include "harness/data_manifest.h"
#include "harness/data_prompts.h"

namespace vleval::cli {
namespace {

constexpr const char* kUsage =
    "vleval data check --data-root DIR [--tasks T,...] [--manifest FILE | --verify-manifest FILE]\n"
    "       vleval data make-mini --out DIR";

int Fail(const std::string& message) { return CommandFailure("data", message); }

int Check(const std::vector<std::string>& args) {
  po::options_description options("vleval data check options");
  std::string data_root, tasks, manifest, verify, configs;
  options.add_options()("data-root", po::value(&data_root), "data root (default: $VLEVAL_DATA)")(
      "tasks", po::value(&tasks), "comma-separated tasks or shorthands (default: every task)")(
      "manifest", po::value(&manifest),
      "write the sha256 of every file read (annotations and images) to FILE")(
      "verify-manifest", po::value(&verify), "check the data root against a manifest FILE")(
      "allow-outside-paths", "accept images that annotation files place outside the data root")(
      "configs", po::value(&configs), "configs folder");
  po::variables_map values;
  if (auto stop = ParseCommandOptions("data check", kUsage, options, {}, args, values, std::cout, std::cerr))
    return *stop;
  auto given_root = ResolveDataRoot(data_root);
  if (!given_root) return Fail(given_root.error().message);
  // Absolute, so that the files the loaders name (under the root) are not
  // taken as relative to the root a second time by the manifest.
  std::error_code absolute_error;
  const auto root = std::filesystem::absolute(*given_root, absolute_error);
  if (absolute_error) return Fail(given_root->string() + ": " + absolute_error.message());
  auto catalog = LoadTaskCatalog(configs);
  if (!catalog) return Fail(catalog.error().message);
  std::vector<std::string> names;
  if (!tasks.empty()) boost::split(names, tasks, boost::is_any_of(","));
  auto report = CheckData(*catalog, names, root, values.count("allow-outside-paths") != 0);
  if (!report) return Fail(report.error().message);
  std::cout << FormatDataCheck(*report);
  bool ok = report->ok();
  if (!verify.empty()) {
    auto recorded = ReadJsonFile(verify);
    if (!recorded) return Fail(recorded.error().message);
    auto status = VerifyManifest(*recorded, root);
    std::cout << "manifest " << verify << ": " << (status ? "all files match" : status.message()) << "\n";
    ok = ok && status.ok();
  }
  if (!manifest.empty()) {
    auto built = BuildManifest(root, report->Files());
    if (!built) return Fail(built.error().message);
    std::ofstream out(manifest, std::ios::binary);
    out << built->dump(1) << "\n";
    if (!out.flush()) return Fail("cannot write " + manifest);
    std::cout << "manifest " << manifest << ": " << (*built)["files"].size() << " files\n";
  }
  return ok ? kExitOk : kExitFailure;
}

int MakeMini(const std::vector<std::string>& args) {
  po::options_description options("vleval data make-mini options");
  std::string out;
  options.add_options()("out", po::value(&out)->required(), "folder to write the mini data root into");
  po::variables_map values;
  if (auto stop =
          ParseCommandOptions("data make-mini", kUsage, options, {}, args, values, std::cout, std::cerr))
    return *stop;
  if (auto status = WriteMiniDataRoot(out); !status) return Fail(status.message());
  std::cout << "wrote the mini data root (" << kMiniSamplesPerTask << " samples per task) to " << out << "\n";
  return kExitOk;
}

}  // namespace

Command DataCommand() {
  return {"data", "check a data root (files, counts, images, manifest) or write the mini one",
          [](const std::vector<std::string>& args) {
            const std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
            if (!args.empty() && args[0] == "check") return Check(rest);
            if (!args.empty() && args[0] == "make-mini") return MakeMini(rest);
            if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
              std::cout << "usage: " << kUsage << "\n";
              return kExitOk;
            }
            std::cerr << "vleval data: expected 'check' or 'make-mini'\nusage: " << kUsage << "\n";
            return kExitUsage;
          }};
}

}  // namespace vleval::cli
