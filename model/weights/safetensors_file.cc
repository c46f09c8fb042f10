#include "model/weights/safetensors_file.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "core/output_target.h"
#include "model/weights/mapped_file.h"
#include "model/weights/safetensors_layout.h"
#include "model/weights/tensor_from_mapping.h"

namespace vleval {

Result<SafetensorsContents> ReadSafetensors(const std::filesystem::path& path) {
  auto file = MappedFile::Open(path);
  if (!file) return file.error();
  auto layout = ParseSafetensorsLayout((*file)->bytes(), path.string());
  if (!layout) return layout.error();
  SafetensorsContents contents;
  contents.metadata = std::move(layout->metadata);
  for (const auto& entry : layout->tensors) {
    std::vector<std::int64_t> strides(entry.shape.size(), 1);
    for (std::size_t i = entry.shape.size(); i-- > 1;) {
      strides[i - 1] = strides[i] * std::max<std::int64_t>(entry.shape[i], 1);
    }
    contents.tensors.emplace(entry.name,
                             TensorFromMapping(*file, entry.begin, entry.dtype, entry.shape, strides));
  }
  return contents;
}

Status WriteSafetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    const auto dtype = ToStoredDtype(tensor.scalar_type());
    if (!dtype) {
      return Error{path.string() + ": tensor '" + name + "' has dtype " +
                   std::string(c10::toString(tensor.scalar_type())) +
                   ", which safetensors files here cannot hold"};
    }
    const auto bytes = static_cast<std::uint64_t>(tensor.numel()) * ElementSize(*dtype);
    header[name] = {{"dtype", SafetensorsName(*dtype)},
                    {"shape", tensor.sizes().vec()},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');
  if (auto target = CheckOutputTarget(path); !target) return target;
  const auto partial = std::filesystem::path(path.string() + ".partial");
  std::error_code stale;
  std::filesystem::remove(partial, stale);  // never open an existing FIFO or device for writing
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) return Error{partial.string() + ": cannot create: " + std::strerror(errno)};
  const std::uint64_t length = text.size();
  out.write(reinterpret_cast<const char*>(&length), sizeof length);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  for (const auto& [name, tensor] : tensors) {
    const auto contiguous = tensor.to(torch::kCPU).contiguous();
    out.write(static_cast<const char*>(contiguous.data_ptr()),
              static_cast<std::streamsize>(contiguous.numel() * contiguous.element_size()));
  }
  out.close();
  if (!out) {
    std::filesystem::remove(partial);
    return Error{path.string() + ": write failed (disk full?)"};
  }
  std::error_code renamed;
  std::filesystem::rename(partial, path, renamed);
  if (renamed) return Error{path.string() + ": cannot rename from .partial: " + renamed.message()};
  return {};
}

}  // namespace vleval
