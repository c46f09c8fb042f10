// `vleval convert`: a backend's model files as one file that loads faster
// (MiniGPT-v2: the three input files as one safetensors file, see
// model/weights/converted_minigptv2.h). The backends offering it are those
// whose registry entry has a `convert`.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "model/backend_registry.h"

namespace vleval::cli {
namespace {

BackendList ConvertBackends() {
  BackendList list;
  for (const std::string& name : Backends().Names()) {
    const BackendEntry* entry = *Backends().Find(name);
    if (entry->convert) list.emplace_back(name, entry);
  }
  return list;
}

}  // namespace

Command ConvertCommand() {
  return {"convert", "write a model's input files as one file that loads faster",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval convert options");
            std::string out;
            const BackendList backends = ConvertBackends();
            options.add_options()(
                "out", po::value(&out)->required(),
                "output file (MiniGPT-v2: .safetensors, the tokenizer is copied beside it)");
            options.add(BackendOptionsGroup(backends, true));
            po::variables_map values;
            if (auto stop = ParseCommandOptions("convert",
                                                "vleval convert [--backend NAME] --llama DIR --vit FILE "
                                                "--checkpoint FILE --out FILE.safetensors",
                                                options, {}, args, values, std::cout, std::cerr))
              return *stop;
            const std::string name =
                values.count("backend") ? values["backend"].as<std::string>() : DefaultBackendName();
            const BackendEntry* entry = nullptr;
            for (const auto& [known, candidate] : backends) {
              if (known == name) entry = candidate;
            }
            if (entry == nullptr) {
              std::cerr << "vleval convert: --backend " << name << ": no converter (backends with one:";
              for (const auto& [known, candidate] : backends) std::cerr << " " << known;
              std::cerr << ")\n";
              return kExitUsage;
            }
            auto settings = BackendSettingsFor(name, *entry, backends, values);
            if (!settings) {
              std::cerr << "vleval convert: " << settings.error().message << "\n";
              return kExitUsage;
            }
            const auto start = std::chrono::steady_clock::now();
            auto converted = entry->convert(*settings, out);
            if (!converted) return CommandFailure("convert", converted.error().message);
            const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
            nlohmann::json report = {{"out", out}, {"seconds", seconds.count()}};
            report.update(*converted);
            std::cout << report.dump() << "\n";
            return kExitOk;
          }};
}

}  // namespace vleval::cli
