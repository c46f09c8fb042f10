// Taking named tensors out of a loaded state dict with shape checks, so that a
// wrong or missing weight is a message naming the file and the tensor rather
// than a libtorch exception deep inside a forward pass.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/result.h"

namespace vleval {

// Where tensors go once loaded: device and compute dtype.
struct TensorPlacement {
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat32;
};

// A state dict and the file it came from (for messages).
struct TensorSource {
  const std::map<std::string, torch::Tensor>* tensors = nullptr;
  std::string file;
};

// The tensor `name` from `source`. `shape` lists the expected sizes, -1 for
// any. Errors: "<file>: tensor '<name>' is missing" or "... has shape [..],
// expected [..]".
Result<torch::Tensor> TakeTensor(const TensorSource& source, const std::string& name,
                                 const std::vector<int64_t>& shape);

// Takes many tensors, converting each to a placement, and keeps the first
// error: callers take every weight of a module, then check status() once.
// Not thread-safe.
class WeightReader {
 public:
  WeightReader(TensorSource source, TensorPlacement placement)
      : source_(std::move(source)), placement_(placement) {}
  // The tensor on the placement's device in its dtype (no copy when it is
  // there already, e.g. a float32 CPU mapping); undefined on error.
  torch::Tensor Take(const std::string& name, const std::vector<int64_t>& shape);
  // The same, but kept in float32 (for tables interpolated at load).
  torch::Tensor TakeFloat(const std::string& name, const std::vector<int64_t>& shape);
  Status status() const;

 private:
  torch::Tensor Convert(const std::string& name, const std::vector<int64_t>& shape, torch::ScalarType dtype);
  TensorSource source_;
  TensorPlacement placement_;
  std::string first_error_;
};

// "[a, b, c]" for messages.
std::string ShapeText(torch::IntArrayRef sizes);

}  // namespace vleval
