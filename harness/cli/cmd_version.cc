// `vleval version`: the harness version and what the linked libtorch offers.
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/version.h"
#include "model/torch_runtime.h"

namespace vleval::cli {

Command VersionCommand() {
  return {"version", "print the harness version and the torch runtime (devices, threads)",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval version options");
            po::variables_map values;
            if (auto stop = ParseCommandOptions("version", "vleval version", options, {}, args, values,
                                                std::cout, std::cerr))
              return *stop;
            const TorchRuntime torch = QueryTorchRuntime();
            nlohmann::ordered_json out;
            out["vleval"] = kVersion;
            out["torch"] = torch.torch_version;
            out["cuda_available"] = torch.cuda_available;
            out["cuda_devices"] = torch.cuda_device_count;
            out["intra_op_threads"] = torch.intra_op_threads;
            std::cout << out.dump() << "\n";
            return kExitOk;
          }};
}

}  // namespace vleval::cli
