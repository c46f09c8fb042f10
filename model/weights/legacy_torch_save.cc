#include "model/weights/legacy_torch_save.h"

#include <cstring>
#include <set>

#include "model/weights/pickle_machine.h"
#include "model/weights/stored_dtype.h"

namespace vleval {
namespace {

using Kind = PickleValue::Kind;

// pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2) without the STOP.
constexpr std::string_view kMagic("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14);

// Finds every persistent id ('storage', <class>, key, ...) under `value`
// and records the element size of each key's storage class.
void CollectStorages(const PickleRef& value, std::map<std::string, std::size_t>& sizes,
                     std::set<const PickleValue*>& seen) {
  if (!value || !seen.insert(value.get()).second) return;
  if (value->is(Kind::kPersistentId) && !value->items.empty()) {
    const PickleValue& id = *value->items[0];
    if (id.is(Kind::kTuple) && id.items.size() >= 3 && id.items[1]->is(Kind::kGlobal) &&
        id.items[2]->is(Kind::kString)) {
      const std::string& name = id.items[1]->text;
      if (const auto dtype = DtypeFromTorchStorageClass(name.substr(name.rfind('.') + 1))) {
        sizes[id.items[2]->text] = ElementSize(*dtype);
      }
    }
  }
  for (const auto& item : value->items) CollectStorages(item, sizes, seen);
  for (const auto& item : value->args) CollectStorages(item, sizes, seen);
  for (const auto& [key, item] : value->entries) CollectStorages(item, sizes, seen);
  CollectStorages(value->state, sizes, seen);
}

}  // namespace

bool LooksLikeLegacyTorchSave(std::string_view file) { return file.substr(0, kMagic.size()) == kMagic; }

Result<LegacyTorchSave> ParseLegacyTorchSave(std::string_view file, const std::string& where) {
  if (!LooksLikeLegacyTorchSave(file))
    return Error{where + ": not a legacy torch.save file (wrong magic number)"};
  std::size_t at = 0;
  PickleRef pickles[5];
  for (auto& pickle : pickles) {
    std::size_t consumed = 0;
    auto value =
        Unpickle(file.substr(at), where + " (legacy format, byte " + std::to_string(at) + ")", &consumed);
    if (!value) return value.error();
    pickle = std::move(*value);
    at += consumed;
  }
  LegacyTorchSave result;
  result.root = pickles[3];
  std::map<std::string, std::size_t> element_sizes;
  std::set<const PickleValue*> seen;
  CollectStorages(result.root, element_sizes, seen);
  if (!pickles[4]->is(Kind::kList)) return Error{where + ": legacy storage key list is missing"};
  for (const auto& key : pickles[4]->items) {
    if (!key->is(Kind::kString)) return Error{where + ": legacy storage key is not a string"};
    const auto size = element_sizes.find(key->text);
    if (size == element_sizes.end()) {
      return Error{where + ": legacy storage '" + key->text + "' has no known storage class"};
    }
    std::uint64_t count = 0;
    if (file.size() - at < 8)
      return Error{where + ": storage '" + key->text + "' is missing (file is truncated)"};
    std::memcpy(&count, file.data() + at, 8);
    at += 8;
    if (count > (file.size() - at) / size->second) {
      return Error{where + ": storage '" + key->text + "' runs past the end of the file (file is truncated)"};
    }
    result.storages[key->text] = file.substr(at, count * size->second);
    at += count * size->second;
  }
  return result;
}

}  // namespace vleval
