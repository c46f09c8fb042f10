// LoadMiniGptV2Plugin (model/minigptv2_plugin.h): found as the tokenizer
// shim is (model/tokenizer/sentencepiece_tokenizer.cc), opened once.
#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "core/locations.h"
#include "model/minigptv2_plugin.h"

namespace vleval {
namespace {

constexpr const char* kPluginName = "libvleval_minigptv2.so";

std::vector<std::string> PluginCandidates() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("VLEVAL_MINIGPTV2_PLUGIN"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
  if (auto exe_dir = ExecutableDir(); !exe_dir.empty()) {
    candidates.push_back((exe_dir / kPluginName).string());
    candidates.push_back((exe_dir.parent_path() / "lib" / kPluginName).string());
  }
  candidates.emplace_back(VLEVAL_MINIGPTV2_PLUGIN_BUILD_PATH);
  return candidates;
}

}  // namespace

Result<const MiniGptV2PluginApi*> LoadMiniGptV2Plugin() {
  static std::once_flag once;
  static const MiniGptV2PluginApi* api = nullptr;
  static std::string failure;
  std::call_once(once, [] {
    std::string tried;
    for (const auto& path : PluginCandidates()) {
      // RTLD_LOCAL: the plug-in's copies of the project's libraries and
      // libtorch stay out of the executable's symbol scope. No
      // RTLD_DEEPBIND (AddressSanitizer refuses it); the tokenizer shim the
      // plug-in opens keeps its own.
      void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (library == nullptr) {
        tried += "\n  " + path + ": " + dlerror();
        continue;
      }
      using Entry = const MiniGptV2PluginApi* (*)();
      auto entry = reinterpret_cast<Entry>(dlsym(library, "vleval_minigptv2_plugin"));
      const MiniGptV2PluginApi* table = entry == nullptr ? nullptr : entry();
      if (table == nullptr) {
        tried += "\n  " + path + ": no vleval_minigptv2_plugin symbol";
      } else if (table->abi != kMiniGptV2PluginAbi) {
        tried += "\n  " + path + ": plug-in ABI " + std::to_string(table->abi) + ", this build needs " +
                 std::to_string(kMiniGptV2PluginAbi) + " (a library of another build)";
      } else {
        api = table;
        return;
      }
      dlclose(library);
    }
    failure = "cannot load the MiniGPT-v2 plug-in " + std::string(kPluginName) +
              " (build it with the vleval target, or set VLEVAL_MINIGPTV2_PLUGIN); tried:" + tried;
  });
  if (api == nullptr) return Error{failure};
  return api;
}

}  // namespace vleval
