#include "model/weights/stored_dtype.h"

#include <array>
#include <utility>

namespace vleval {
namespace {

struct DtypeNames {
  StoredDtype dtype;
  std::size_t size;
  std::string_view safetensors;
  std::string_view torch_storage;
};

constexpr std::array<DtypeNames, 10> kDtypes = {{
    {StoredDtype::kF64, 8, "F64", "DoubleStorage"},
    {StoredDtype::kF32, 4, "F32", "FloatStorage"},
    {StoredDtype::kF16, 2, "F16", "HalfStorage"},
    {StoredDtype::kBF16, 2, "BF16", "BFloat16Storage"},
    {StoredDtype::kI64, 8, "I64", "LongStorage"},
    {StoredDtype::kI32, 4, "I32", "IntStorage"},
    {StoredDtype::kI16, 2, "I16", "ShortStorage"},
    {StoredDtype::kI8, 1, "I8", "CharStorage"},
    {StoredDtype::kU8, 1, "U8", "ByteStorage"},
    {StoredDtype::kBool, 1, "BOOL", "BoolStorage"},
}};

const DtypeNames& NamesOf(StoredDtype dtype) { return kDtypes[static_cast<std::size_t>(dtype)]; }

}  // namespace

std::size_t ElementSize(StoredDtype dtype) { return NamesOf(dtype).size; }

std::string_view SafetensorsName(StoredDtype dtype) { return NamesOf(dtype).safetensors; }

std::optional<StoredDtype> DtypeFromSafetensorsName(std::string_view name) {
  for (const auto& entry : kDtypes) {
    if (entry.safetensors == name) return entry.dtype;
  }
  return std::nullopt;
}

std::optional<StoredDtype> DtypeFromTorchStorageClass(std::string_view class_name) {
  for (const auto& entry : kDtypes) {
    if (entry.torch_storage == class_name) return entry.dtype;
  }
  return std::nullopt;
}

}  // namespace vleval
