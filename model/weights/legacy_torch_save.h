// The legacy (pre-1.6, or `_use_new_zipfile_serialization=False`) torch.save
// format, which older checkpoints may still use: five pickles back to back
// (magic number, protocol version, system info, the object itself, the list
// of storage keys), then each storage in key-list order as an 8-byte
// little-endian element count followed by its raw bytes. Torch-free.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/weights/pickle_value.h"

namespace vleval {

struct LegacyTorchSave {
  PickleRef root;                                    // the saved object
  std::map<std::string, std::string_view> storages;  // key -> bytes inside the file
};

// True when `file` starts like a legacy torch.save file (its magic number).
bool LooksLikeLegacyTorchSave(std::string_view file);

// Parses `file` (kept alive by the caller; storages point into it). Errors
// start with `where`: wrong magic number, malformed pickles, a storage key
// without a storage reference, storages running past the end (truncated).
Result<LegacyTorchSave> ParseLegacyTorchSave(std::string_view file, const std::string& where);

}  // namespace vleval
