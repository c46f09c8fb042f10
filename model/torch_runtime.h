// What the linked libtorch offers at run time: its version and the devices it
// can use. Reported by `vleval version` and recorded in RUN/run.json.
#pragma once

#include <string>

namespace vleval {

struct TorchRuntime {
  std::string torch_version;  // e.g. "1.13.1"
  bool cuda_available = false;
  int cuda_device_count = 0;
  int intra_op_threads = 0;
};

// Queries libtorch; cheap, no device memory is allocated.
TorchRuntime QueryTorchRuntime();

}  // namespace vleval
