#include "model/minigptv2/tensor_lookup.h"

namespace vleval {

std::string ShapeText(torch::IntArrayRef sizes) {
  std::string text = "[";
  for (size_t i = 0; i < sizes.size(); ++i) {
    text += (i ? ", " : "") + (sizes[i] < 0 ? std::string("*") : std::to_string(sizes[i]));
  }
  return text + "]";
}

Result<torch::Tensor> TakeTensor(const TensorSource& source, const std::string& name,
                                 const std::vector<int64_t>& shape) {
  const auto found = source.tensors->find(name);
  if (found == source.tensors->end()) {
    return Error{source.file + ": tensor '" + name + "' is missing"};
  }
  const torch::Tensor& tensor = found->second;
  bool matches = tensor.dim() == static_cast<int64_t>(shape.size());
  for (size_t i = 0; matches && i < shape.size(); ++i) {
    matches = shape[i] < 0 || tensor.size(static_cast<int64_t>(i)) == shape[i];
  }
  if (!matches) {
    return Error{source.file + ": tensor '" + name + "' has shape " + ShapeText(tensor.sizes()) +
                 ", expected " + ShapeText(shape)};
  }
  return tensor;
}

torch::Tensor WeightReader::Convert(const std::string& name, const std::vector<int64_t>& shape,
                                    torch::ScalarType dtype) {
  auto tensor = TakeTensor(source_, name, shape);
  if (!tensor) {
    if (first_error_.empty()) first_error_ = tensor.error().message;
    return {};
  }
  return tensor->to(placement_.device, dtype);
}

torch::Tensor WeightReader::TakeFloat(const std::string& name, const std::vector<int64_t>& shape) {
  return Convert(name, shape, torch::kFloat32);
}

torch::Tensor WeightReader::Take(const std::string& name, const std::vector<int64_t>& shape) {
  return Convert(name, shape, placement_.dtype);
}

Status WeightReader::status() const {
  if (first_error_.empty()) return {};
  return Error{first_error_};
}

}  // namespace vleval
