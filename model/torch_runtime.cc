#include "model/torch_runtime.h"

#include <torch/torch.h>
#include <torch/version.h>

namespace vleval {

TorchRuntime QueryTorchRuntime() {
  TorchRuntime runtime;
  runtime.torch_version = TORCH_VERSION;
  runtime.cuda_available = torch::cuda::is_available();
  runtime.cuda_device_count = static_cast<int>(torch::cuda::device_count());
  runtime.intra_op_threads = at::get_num_threads();
  return runtime;
}

}  // namespace vleval
