// `vleval convert`: the three MiniGPT-v2 input files as one safetensors file
// (see model/weights/converted_minigptv2.h), so later loads are one mapping.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "model/weights/converted_minigptv2.h"

namespace vleval::cli {

Command ConvertCommand() {
  return {
      "convert", "write the model's three input files as one safetensors file",
      [](const std::vector<std::string>& args) {
        po::options_description options("vleval convert options");
        std::string llama, vit, checkpoint, out;
        options.add_options()("llama", po::value(&llama)->required(),
                              "Llama-2-7b-chat-hf folder (config.json, tokenizer.model, weights)")(
            "vit", po::value(&vit)->required(), "eva_vit_g.pth")(
            "checkpoint", po::value(&checkpoint)->required(), "MiniGPT-v2 checkpoint (.pth)")(
            "out", po::value(&out)->required(),
            "output .safetensors file (the tokenizer is copied beside it)");
        po::variables_map values;
        if (auto stop = ParseCommandOptions(
                "convert", "vleval convert --llama DIR --vit FILE --checkpoint FILE --out FILE.safetensors",
                options, {}, args, values, std::cout, std::cerr))
          return *stop;
        const auto start = std::chrono::steady_clock::now();
        if (auto status = ConvertMiniGptV2({llama, vit, checkpoint}, out); !status)
          return CommandFailure("convert", status.message());
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
        std::cout << nlohmann::json{{"out", out},
                                    {"bytes", std::filesystem::file_size(out)},
                                    {"seconds", seconds.count()}}
                         .dump()
                  << "\n";
        return kExitOk;
      }};
}

}  // namespace vleval::cli
