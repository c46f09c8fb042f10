// The binary interface of the MiniGPT-v2 plug-in, libvleval_minigptv2.so
// (model/minigptv2/plugin.cc: the libtorch model and everything it links),
// which the backend's registry entry (model/minigptv2_entry.h) loads with
// dlopen when the backend is opened. Both sides are built from this tree by
// the same compiler, so C++ types cross the boundary; kMiniGptV2PluginAbi
// changes whenever this table or a type it names does.
#pragma once

#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/minigptv2_backend.h"

namespace vleval {

inline constexpr int kMiniGptV2PluginAbi = 1;

struct MiniGptV2PluginApi {
  int abi = kMiniGptV2PluginAbi;
  // LoadMiniGptV2Backend.
  Result<std::unique_ptr<ModelBackend>> (*open)(const MiniGptV2BackendOptions& options) = nullptr;
  // ConvertMiniGptV2 of the three official files into `out`.
  Status (*convert)(const std::filesystem::path& llama_dir, const std::filesystem::path& vit_path,
                    const std::filesystem::path& checkpoint_path, const std::filesystem::path& out) = nullptr;
  // {"version", "cuda_available", "cuda_devices", "intra_op_threads"} of the linked libtorch.
  nlohmann::json (*torch_runtime)() = nullptr;
};

// The plug-in's only exported symbol.
extern "C" const MiniGptV2PluginApi* vleval_minigptv2_plugin();

// The plug-in's table, loaded once per process: from $VLEVAL_MINIGPTV2_PLUGIN,
// else beside the executable (or in ../lib), else in the build tree. Errors
// list every place tried and why (not found, an ABI of another build).
Result<const MiniGptV2PluginApi*> LoadMiniGptV2Plugin();

}  // namespace vleval
