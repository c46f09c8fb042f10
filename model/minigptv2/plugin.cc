// The exported table of libvleval_minigptv2.so (model/minigptv2_plugin.h).
#include "model/minigptv2_plugin.h"

#include "model/torch_runtime.h"
#include "model/weights/converted_minigptv2.h"

namespace vleval {
namespace {

Result<std::unique_ptr<ModelBackend>> Open(const MiniGptV2BackendOptions& options) {
  auto backend = LoadMiniGptV2Backend(options);
  if (!backend) return backend.error();
  return std::unique_ptr<ModelBackend>(std::move(*backend));
}

Status Convert(const std::filesystem::path& llama_dir, const std::filesystem::path& vit_path,
               const std::filesystem::path& checkpoint_path, const std::filesystem::path& out) {
  try {
    return ConvertMiniGptV2({llama_dir, vit_path, checkpoint_path}, out);
  } catch (const std::exception& e) {
    return Error{std::string("converting MiniGPT-v2: ") + e.what()};
  }
}

nlohmann::json TorchRuntimeJson() {
  const TorchRuntime torch = QueryTorchRuntime();
  return {{"version", torch.torch_version},
          {"cuda_available", torch.cuda_available},
          {"cuda_devices", torch.cuda_device_count},
          {"intra_op_threads", torch.intra_op_threads}};
}

}  // namespace
}  // namespace vleval

extern "C" __attribute__((visibility("default"))) const vleval::MiniGptV2PluginApi*
vleval_minigptv2_plugin() {
  static const vleval::MiniGptV2PluginApi api{vleval::kMiniGptV2PluginAbi, &vleval::Open, &vleval::Convert,
                                              &vleval::TorchRuntimeJson};
  return &api;
}
