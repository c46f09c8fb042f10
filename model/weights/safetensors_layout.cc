#include "model/weights/safetensors_layout.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

namespace vleval {
namespace {

static_assert(std::endian::native == std::endian::little, "safetensors are little-endian");

using nlohmann::json;

Result<std::map<std::string, std::string>> ParseMetadata(const json& value, const std::string& where) {
  if (!value.is_object()) return Error{where + ": __metadata__ is not an object"};
  std::map<std::string, std::string> metadata;
  for (const auto& [key, item] : value.items()) {
    if (!item.is_string()) {
      return Error{where + ": __metadata__ value '" + key + "' is not a string"};
    }
    metadata[key] = item.get<std::string>();
  }
  return metadata;
}

Result<SafetensorsEntry> ParseEntry(const std::string& name, const json& value, std::uint64_t buffer_start,
                                    std::uint64_t file_size, const std::string& where) {
  const std::string at = where + ": tensor '" + name + "': ";
  if (!value.is_object()) return Error{at + "entry is not an object"};
  const auto dtype_field = value.find("dtype");
  const auto shape_field = value.find("shape");
  const auto offsets_field = value.find("data_offsets");
  if (dtype_field == value.end() || !dtype_field->is_string()) {
    return Error{at + "missing string \"dtype\""};
  }
  if (shape_field == value.end() || !shape_field->is_array()) {
    return Error{at + "missing array \"shape\""};
  }
  if (offsets_field == value.end() || !offsets_field->is_array() || offsets_field->size() != 2 ||
      !(*offsets_field)[0].is_number_unsigned() || !(*offsets_field)[1].is_number_unsigned()) {
    return Error{at + "\"data_offsets\" must be two non-negative integers"};
  }
  SafetensorsEntry entry;
  entry.name = name;
  const auto dtype_name = dtype_field->get<std::string>();
  const auto dtype = DtypeFromSafetensorsName(dtype_name);
  if (!dtype) return Error{at + "unsupported dtype \"" + dtype_name + "\""};
  entry.dtype = *dtype;
  std::uint64_t numel = 1;
  for (const auto& dim : *shape_field) {
    if (!dim.is_number_unsigned()) return Error{at + "shape has a non-integer or negative entry"};
    const auto size = dim.get<std::uint64_t>();
    if (size != 0 && numel > (std::uint64_t{1} << 62) / size) {
      return Error{at + "shape is too large"};
    }
    numel *= size;
    entry.shape.push_back(static_cast<std::int64_t>(size));
  }
  const auto begin = (*offsets_field)[0].get<std::uint64_t>();
  const auto end = (*offsets_field)[1].get<std::uint64_t>();
  if (begin > end) return Error{at + "data_offsets begin > end"};
  if (end - begin != numel * ElementSize(entry.dtype)) {
    return Error{at + "data_offsets span " + std::to_string(end - begin) + " bytes but shape x " +
                 dtype_name + " needs " + std::to_string(numel * ElementSize(entry.dtype))};
  }
  if (end > file_size - buffer_start) {
    return Error{at + "data ends at byte " + std::to_string(buffer_start + end) + " but the file has " +
                 std::to_string(file_size) + " bytes (file is truncated)"};
  }
  entry.begin = buffer_start + begin;
  entry.end = buffer_start + end;
  return entry;
}

// Two tensors sharing bytes would alias each other once mapped (and a writer
// never produces them): every non-empty byte range must be disjoint.
Status CheckDisjoint(const std::vector<SafetensorsEntry>& tensors, const std::string& where) {
  std::vector<const SafetensorsEntry*> by_offset;
  for (const auto& tensor : tensors) {
    if (tensor.end > tensor.begin) by_offset.push_back(&tensor);
  }
  std::sort(by_offset.begin(), by_offset.end(),
            [](const SafetensorsEntry* a, const SafetensorsEntry* b) { return a->begin < b->begin; });
  for (std::size_t i = 1; i < by_offset.size(); ++i) {
    if (by_offset[i]->begin < by_offset[i - 1]->end) {
      return Error{where + ": tensors '" + by_offset[i - 1]->name + "' and '" + by_offset[i]->name +
                   "' overlap (bytes " + std::to_string(by_offset[i]->begin) + " to " +
                   std::to_string(std::min(by_offset[i]->end, by_offset[i - 1]->end)) + ")"};
    }
  }
  return {};
}

}  // namespace

Result<SafetensorsLayout> ParseSafetensorsLayout(std::string_view file, std::string_view where_view) {
  const std::string where(where_view);
  if (file.size() < 8) {
    return Error{where + ": not a safetensors file (" + std::to_string(file.size()) +
                 " bytes, shorter than the 8-byte header length)"};
  }
  std::uint64_t header_size = 0;
  std::memcpy(&header_size, file.data(), 8);  // little-endian host: see the static_assert
  if (header_size > kSafetensorsMaxHeaderBytes) {
    return Error{where + ": header length " + std::to_string(header_size) +
                 " exceeds the 100 MB limit (not a safetensors file?)"};
  }
  if (header_size > file.size() - 8) {
    return Error{where + ": header length " + std::to_string(header_size) +
                 " runs past the end of the file (file is truncated)"};
  }
  const std::string_view header = file.substr(8, header_size);
  if (header.empty() || header.front() != '{') {
    return Error{where + ": header does not start with '{'"};
  }
  // Duplicate names are an error; nlohmann would silently keep the last one.
  std::set<std::string> names;
  std::string duplicate;
  const auto track_duplicates = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key && duplicate.empty()) {
      const auto name = parsed.get<std::string>();
      if (!names.insert(name).second) duplicate = name;
    }
    return true;
  };
  json parsed = json::parse(header, track_duplicates, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{where + ": header is not a JSON object"};
  }
  if (!duplicate.empty()) return Error{where + ": tensor '" + duplicate + "' appears twice"};

  SafetensorsLayout layout;
  layout.buffer_start = 8 + header_size;
  for (const auto& [name, value] : parsed.items()) {
    if (name == "__metadata__") {
      auto metadata = ParseMetadata(value, where);
      if (!metadata) return metadata.error();
      layout.metadata = std::move(*metadata);
      continue;
    }
    auto entry = ParseEntry(name, value, layout.buffer_start, file.size(), where);
    if (!entry) return entry.error();
    layout.tensors.push_back(std::move(*entry));
  }
  if (auto overlap = CheckDisjoint(layout.tensors, where); !overlap) return Error{overlap.message()};
  return layout;
}

}  // namespace vleval
