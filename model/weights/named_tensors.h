// The currency of the weight readers: tensors by their name in the file.
// Tensors are CPU tensors in their stored dtype; those read from a file point
// into its copy-on-write mapping (see mapped_file.h) and keep it alive.
#pragma once

#include <map>
#include <string>

#include <torch/types.h>

namespace vleval {

using NamedTensors = std::map<std::string, torch::Tensor>;

}  // namespace vleval
