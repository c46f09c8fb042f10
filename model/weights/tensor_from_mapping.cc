#include "model/weights/tensor_from_mapping.h"

#include <torch/torch.h>

namespace vleval {

torch::ScalarType ToScalarType(StoredDtype dtype) {
  switch (dtype) {
    case StoredDtype::kF64:
      return torch::kFloat64;
    case StoredDtype::kF32:
      return torch::kFloat32;
    case StoredDtype::kF16:
      return torch::kFloat16;
    case StoredDtype::kBF16:
      return torch::kBFloat16;
    case StoredDtype::kI64:
      return torch::kInt64;
    case StoredDtype::kI32:
      return torch::kInt32;
    case StoredDtype::kI16:
      return torch::kInt16;
    case StoredDtype::kI8:
      return torch::kInt8;
    case StoredDtype::kU8:
      return torch::kUInt8;
    case StoredDtype::kBool:
      return torch::kBool;
  }
  return torch::kFloat32;
}

std::optional<StoredDtype> ToStoredDtype(torch::ScalarType type) {
  for (const auto dtype :
       {StoredDtype::kF64, StoredDtype::kF32, StoredDtype::kF16, StoredDtype::kBF16, StoredDtype::kI64,
        StoredDtype::kI32, StoredDtype::kI16, StoredDtype::kI8, StoredDtype::kU8, StoredDtype::kBool}) {
    if (ToScalarType(dtype) == type) return dtype;
  }
  return std::nullopt;
}

torch::Tensor TensorFromMapping(const std::shared_ptr<MappedFile>& file, std::uint64_t offset,
                                StoredDtype dtype, const std::vector<std::int64_t>& sizes,
                                const std::vector<std::int64_t>& strides) {
  const auto options = torch::TensorOptions().dtype(ToScalarType(dtype)).device(torch::kCPU);
  // An empty file has no mapping; point empty tensors at a static byte instead.
  static std::byte empty_storage[8];
  void* data = file->size() > 0 ? static_cast<void*>(file->data() + offset) : empty_storage;
  return torch::from_blob(
      data, sizes, strides, [keep_alive = file](void*) {}, options);
}

}  // namespace vleval
