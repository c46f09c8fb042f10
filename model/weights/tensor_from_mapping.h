// Builds a torch tensor over bytes of a mapped weight file without copying:
// the tensor's deleter holds the mapping, so the file stays mapped as long as
// any tensor (or view) built on it lives.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <torch/types.h>

#include "model/weights/mapped_file.h"
#include "model/weights/stored_dtype.h"

namespace vleval {

torch::ScalarType ToScalarType(StoredDtype dtype);

// Inverse of ToScalarType; nullopt for dtypes safetensors/torch.save storages
// of this reader do not cover (complex, quantized).
std::optional<StoredDtype> ToStoredDtype(torch::ScalarType type);

// A CPU tensor of `dtype` whose element 0 is at byte `offset` of `file`.
// Preconditions (checked by the callers, which know the file and tensor
// names for their errors): the strided extent lies inside the file.
torch::Tensor TensorFromMapping(const std::shared_ptr<MappedFile>& file, std::uint64_t offset,
                                StoredDtype dtype, const std::vector<std::int64_t>& sizes,
                                const std::vector<std::int64_t>& strides);

}  // namespace vleval
