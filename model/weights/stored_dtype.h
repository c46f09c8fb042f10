// Element types of tensors as stored in weight files, independent of torch:
// the safetensors dtype strings ("F16", "BF16", ...) and torch.save's storage
// class names ("HalfStorage", "BFloat16Storage", ...) both map to StoredDtype.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace vleval {

enum class StoredDtype { kF64, kF32, kF16, kBF16, kI64, kI32, kI16, kI8, kU8, kBool };

// Bytes per element (kBool: 1).
std::size_t ElementSize(StoredDtype dtype);

// The safetensors spelling: "F64", "F32", "F16", "BF16", "I64", ..., "BOOL".
std::string_view SafetensorsName(StoredDtype dtype);

// Inverse of SafetensorsName; nullopt for a name this reader does not know
// (e.g. "F8_E4M3", "U16"), which callers report with the file and tensor.
std::optional<StoredDtype> DtypeFromSafetensorsName(std::string_view name);

// torch.save storage classes: "FloatStorage" -> kF32, "HalfStorage" -> kF16,
// "BFloat16Storage" -> kBF16, "DoubleStorage", "LongStorage", "IntStorage",
// "ShortStorage", "CharStorage", "ByteStorage", "BoolStorage"; nullopt for
// others (complex, quantized).
std::optional<StoredDtype> DtypeFromTorchStorageClass(std::string_view class_name);

}  // namespace vleval
