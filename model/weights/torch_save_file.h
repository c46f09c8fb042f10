// Reading torch.save files without libtorch's unpickler, which rejects
// OrderedDict state dicts: the zip format of PyTorch >= 1.6 ("<name>/data.pkl"
// plus one stored entry per storage under "<name>/data/<key>") and the
// legacy format (legacy_torch_save.h). Tensors point into the file's
// mapping; views keep their storage offset and strides.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/weights/mapped_file.h"
#include "model/weights/named_tensors.h"
#include "model/weights/pickle_value.h"

namespace vleval {

class TorchSaveFile {
 public:
  // Maps `path`, reads its zip directory (or legacy layout) and unpickles the
  // saved object. Errors name the file: missing, neither format, no
  // data.pkl, compressed entries, a malformed pickle, truncation.
  static Result<TorchSaveFile> Open(const std::filesystem::path& path);

  // The unpickled top-level value (a dict for state dicts and checkpoints).
  const PickleValue& root() const { return *root_; }
  const std::filesystem::path& path() const { return file_->path(); }

  // Converts `dict` (a pickled mapping of str -> tensor, e.g. root() or its
  // "model" entry) into tensors. `what` describes the dict in errors, which
  // name the file and the key: a non-tensor value, an unknown storage class,
  // a view reaching outside its storage, a missing storage entry.
  Result<NamedTensors> StateDict(const PickleValue& dict, const std::string& what) const;

  // One pickled tensor (a `_rebuild_tensor_v2`, `_rebuild_parameter` or
  // `_rebuild_from_type_v2` object) as a tensor over the mapping.
  Result<torch::Tensor> Tensor(const PickleValue& value, const std::string& name) const;

 private:
  TorchSaveFile(std::shared_ptr<MappedFile> file, std::map<std::string, std::string_view> storages,
                PickleRef root)
      : file_(std::move(file)), storages_(std::move(storages)), root_(std::move(root)) {}

  std::shared_ptr<MappedFile> file_;
  std::map<std::string, std::string_view> storages_;  // storage key -> bytes in the mapping
  PickleRef root_;
};

// Where a file's state dict is expected.
enum class StateDictLocation {
  kTopLevel,          // the whole file is {name: tensor} (eva_vit_g.pth, pytorch_model*.bin)
  kModelEntry,        // {"model": {name: tensor}, ...} (MiniGPT-v2 training checkpoints)
  kTopLevelOrNested,  // either of the above, or under "state_dict" / "module"
};

// Opens `path` and returns its state dict at `location`. A file of another
// layout is an error naming the file and listing its top-level keys.
Result<NamedTensors> ReadTorchStateDict(const std::filesystem::path& path, StateDictLocation location);

}  // namespace vleval
