#include "model/weights/torch_save_file.h"

#include <torch/torch.h>

#include "model/weights/legacy_torch_save.h"
#include "model/weights/pickle_machine.h"
#include "model/weights/tensor_from_mapping.h"
#include "model/weights/zip_directory.h"

namespace vleval {
namespace {

using Kind = PickleValue::Kind;

bool IsTensorObject(const PickleValue& value) {
  return value.is(Kind::kObject) && (value.text == "torch._utils._rebuild_tensor_v2" ||
                                     value.text == "torch._utils._rebuild_parameter" ||
                                     value.text == "torch._utils._rebuild_parameter_with_state" ||
                                     value.text == "torch._tensor._rebuild_from_type_v2");
}

// torch's limit on the number of dimensions.
constexpr std::size_t kMaxTensorRank = 64;

Result<std::vector<std::int64_t>> IntTuple(const PickleValue& value, const std::string& at) {
  if (!value.is(Kind::kTuple)) return Error{at + " is " + DescribePickleValue(value) + ", not a tuple"};
  if (value.items.size() > kMaxTensorRank) {
    return Error{at + " has " + std::to_string(value.items.size()) + " dimensions (at most 64)"};
  }
  std::vector<std::int64_t> numbers;
  for (const auto& item : value.items) {
    if (!item->is(Kind::kInt)) return Error{at + " holds " + DescribePickleValue(*item)};
    numbers.push_back(item->integer);
  }
  return numbers;
}

std::string TopLevelKeys(const PickleValue& root) {
  if (!root.is(Kind::kDict)) return DescribePickleValue(root);
  std::string keys;
  for (const auto& [key, value] : root.entries) {
    if (keys.size() > 200) return keys + ", ...";
    keys += (keys.empty() ? "" : ", ") +
            (key->is(Kind::kString) ? "'" + key->text + "'" : DescribePickleValue(*key));
  }
  return "dict with keys [" + keys + "]";
}

bool HoldsTensors(const PickleValue& value) {
  if (!value.is(Kind::kDict) || value.entries.empty()) return false;
  for (const auto& entry : value.entries) {
    if (!IsTensorObject(*entry.second)) return false;
  }
  return true;
}

}  // namespace

Result<TorchSaveFile> TorchSaveFile::Open(const std::filesystem::path& path) {
  auto file = MappedFile::Open(path);
  if (!file) return file.error();
  if (LooksLikeLegacyTorchSave((*file)->bytes())) {
    auto legacy = ParseLegacyTorchSave((*file)->bytes(), path.string());
    if (!legacy) return legacy.error();
    return TorchSaveFile(std::move(*file), std::move(legacy->storages), std::move(legacy->root));
  }
  auto directory = ZipDirectory::Read((*file)->bytes(), path.string());
  if (!directory) return directory.error();
  std::string prefix;  // the archive's top folder, e.g. "archive/" or "eva_vit_g/"
  bool found = false;
  for (const auto& entry : directory->entries()) {
    const auto slash = entry.name.find('/');
    if (slash != std::string::npos && entry.name.substr(slash + 1) == "data.pkl") {
      prefix = entry.name.substr(0, slash + 1);
      found = true;
      break;
    }
  }
  if (!found) return Error{path.string() + ": zip archive without <name>/data.pkl: not a torch.save file"};
  auto pickle = directory->EntryBytes(prefix + "data.pkl");
  if (!pickle) return pickle.error();
  auto root = Unpickle(*pickle, path.string() + ": " + prefix + "data.pkl");
  if (!root) return root.error();
  std::map<std::string, std::string_view> storages;
  const std::string data = prefix + "data/";
  for (const auto& entry : directory->entries()) {
    if (entry.name.rfind(data, 0) != 0) continue;
    auto bytes = directory->EntryBytes(entry);
    if (!bytes) return bytes.error();
    storages.emplace(entry.name.substr(data.size()), *bytes);
  }
  return TorchSaveFile(std::move(*file), std::move(storages), std::move(*root));
}

Result<torch::Tensor> TorchSaveFile::Tensor(const PickleValue& value, const std::string& name) const {
  const std::string at = path().string() + ": tensor '" + name + "'";
  if (!IsTensorObject(value)) return Error{at + " is " + DescribePickleValue(value) + ", not a tensor"};
  if (value.text == "torch._tensor._rebuild_from_type_v2") {
    // (func, type, args, state): the tensor is func(*args).
    if (value.args.size() < 3 || !value.args[0]->is(Kind::kGlobal) || !value.args[2]->is(Kind::kTuple) ||
        value.args[2]->items.size() > 16) {
      return Error{at + ": malformed _rebuild_from_type_v2"};
    }
    PickleValue inner;
    inner.kind = Kind::kObject;
    inner.text = value.args[0]->text;
    inner.args = value.args[2]->items;
    return Tensor(inner, name);
  }
  if (value.text != "torch._utils._rebuild_tensor_v2") {  // parameters wrap a tensor
    if (value.args.empty()) return Error{at + ": parameter without data"};
    return Tensor(*value.args[0], name);
  }
  // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks, ...)
  if (value.args.size() < 4 || !value.args[0]->is(Kind::kPersistentId) || !value.args[1]->is(Kind::kInt)) {
    return Error{at + ": malformed _rebuild_tensor_v2 arguments"};
  }
  const PickleValue& id = *value.args[0]->items[0];
  // ('storage', storage class, key, location, numel)
  if (!id.is(Kind::kTuple) || id.items.size() < 3 || !id.items[1]->is(Kind::kGlobal) ||
      !id.items[2]->is(Kind::kString)) {
    return Error{at + ": malformed storage reference"};
  }
  const std::string& storage_class = id.items[1]->text;
  const auto dtype = DtypeFromTorchStorageClass(storage_class.substr(storage_class.rfind('.') + 1));
  if (!dtype) return Error{at + ": unsupported storage class " + storage_class};
  const std::string& key = id.items[2]->text;
  const auto storage = storages_.find(key);
  if (storage == storages_.end()) return Error{at + ": storage '" + key + "' is missing from the file"};
  const std::string_view* bytes = &storage->second;
  auto sizes = IntTuple(*value.args[2], at + " size");
  if (!sizes) return sizes.error();
  auto strides = IntTuple(*value.args[3], at + " stride");
  if (!strides) return strides.error();
  if (sizes->size() != strides->size()) return Error{at + ": size and stride differ in rank"};
  const std::int64_t element = static_cast<std::int64_t>(ElementSize(*dtype));
  const std::int64_t storage_numel = static_cast<std::int64_t>(bytes->size()) / element;
  const std::int64_t offset = value.args[1]->integer;
  std::int64_t last = offset;
  bool empty = false;
  bool overflow = false;
  for (std::size_t i = 0; i < sizes->size(); ++i) {
    if ((*sizes)[i] < 0 || (*strides)[i] < 0) return Error{at + ": negative size or stride"};
    std::int64_t reach = 0;
    if ((*sizes)[i] == 0) {
      empty = true;
    } else if (__builtin_mul_overflow((*sizes)[i] - 1, (*strides)[i], &reach) ||
               __builtin_add_overflow(last, reach, &last)) {
      overflow = true;
    }
  }
  if (overflow && !empty) {
    return Error{at + ": size x stride overflows 64 bits (storage '" + key + "' has " +
                 std::to_string(storage_numel) + " elements)"};
  }
  if (offset < 0 || (!empty && last >= storage_numel)) {
    return Error{at + ": view reaches element " + std::to_string(last) + " of a storage of " +
                 std::to_string(storage_numel) + " (storage '" + key + "')"};
  }
  const std::uint64_t start = static_cast<std::uint64_t>(bytes->data() - file_->bytes().data()) +
                              static_cast<std::uint64_t>(empty ? 0 : offset * element);
  return TensorFromMapping(file_, start, *dtype, *sizes, *strides);
}

Result<NamedTensors> TorchSaveFile::StateDict(const PickleValue& dict, const std::string& what) const {
  if (!dict.is(Kind::kDict)) {
    return Error{path().string() + ": " + what + " is " + DescribePickleValue(dict) + ", not a state dict"};
  }
  NamedTensors tensors;
  for (const auto& [key, value] : dict.entries) {
    if (!key->is(Kind::kString)) {
      return Error{path().string() + ": " + what + " has a non-string key " + DescribePickleValue(*key)};
    }
    auto tensor = Tensor(*value, key->text);
    if (!tensor) return tensor.error();
    tensors.emplace(key->text, std::move(*tensor));
  }
  return tensors;
}

Result<NamedTensors> ReadTorchStateDict(const std::filesystem::path& path, StateDictLocation location) {
  auto file = TorchSaveFile::Open(path);
  if (!file) return file.error();
  const PickleValue& root = file->root();
  if (location != StateDictLocation::kModelEntry && HoldsTensors(root)) {
    return file->StateDict(root, "state dict");
  }
  for (const char* key : {"model", "state_dict", "module"}) {
    if (location == StateDictLocation::kTopLevel) break;
    if (location == StateDictLocation::kModelEntry && std::string(key) != "model") break;
    if (const PickleValue* nested = root.is(Kind::kDict) ? root.Find(key) : nullptr) {
      return file->StateDict(*nested, std::string("entry '") + key + "'");
    }
  }
  const char* expected = location == StateDictLocation::kTopLevel     ? "a state dict {name: tensor}"
                         : location == StateDictLocation::kModelEntry ? "{'model': state dict, ...}"
                                                                      : "a state dict, or one under 'model', "
                                                                        "'state_dict' or 'module'";
  return Error{path.string() + ": unexpected layout: expected " + expected + ", found " + TopLevelKeys(root)};
}

}  // namespace vleval
