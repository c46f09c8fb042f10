// The registry entry of the MiniGPT-v2 backend (torch-free): its options
// (--llama, --vit, --checkpoint or --converted; --device, --dtype), its
// run.json description (file digests, device, dtype) and its opening, which
// dlopens the plug-in libvleval_minigptv2.so (model/minigptv2_plugin.h), so
// that only a process that runs the model maps libtorch.
#pragma once

#include "model/backend_registry.h"

namespace vleval {

BackendEntry MiniGptV2BackendEntry();

}  // namespace vleval
