// `vleval version`: the harness version and, per backend that reports one,
// its runtime (MiniGPT-v2: what its libtorch offers; this loads the
// plug-in, not a model).
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/version.h"
#include "model/backend_registry.h"

namespace vleval::cli {

Command VersionCommand() {
  return {"version", "print the harness version and the backends' runtimes (libraries, devices, threads)",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval version options");
            po::variables_map values;
            if (auto stop = ParseCommandOptions("version", "vleval version", options, {}, args, values,
                                                std::cout, std::cerr))
              return *stop;
            nlohmann::ordered_json out;
            out["vleval"] = kVersion;
            nlohmann::ordered_json backends = nlohmann::ordered_json::object();
            for (const std::string& name : Backends().Names()) {
              const BackendEntry* entry = *Backends().Find(name);
              if (!entry->runtime) continue;
              auto runtime = entry->runtime();
              backends[name] = runtime ? nlohmann::ordered_json(*runtime)
                                       : nlohmann::ordered_json{{"error", runtime.error().message}};
            }
            out["backends"] = backends;
            std::cout << out.dump() << "\n";
            return kExitOk;
          }};
}

}  // namespace vleval::cli
