#include "model/minigptv2/architecture.h"

#include <string>
#include <utility>

#include "core/json_file.h"

namespace vleval {

namespace {

// The architecture fields of `object` (the "architecture" section, or a
// whole file of the flat format); `extra` reads the keys the caller allows
// beside them.
Result<MiniGptV2Architecture> ReadFields(const nlohmann::json& object, const std::string& where,
                                         void (*extra)(StrictObject&)) {
  StrictObject reader(object, where);
  if (!reader.is_object()) return Error{where + ": must be a JSON object"};
  extra(reader);
  MiniGptV2Architecture arch;
  const std::pair<const char*, int*> fields[] = {
      {"vit_depth", &arch.vit_depth},       {"vit_heads", &arch.vit_heads},
      {"image_size", &arch.image_size},     {"patch_size", &arch.patch_size},
      {"merge_tokens", &arch.merge_tokens}, {"lora_r", &arch.lora_r},
      {"lora_alpha", &arch.lora_alpha}};
  for (const auto& [key, field] : fields) *field = reader.OptionalInt(key, *field);
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  for (const auto& [key, field] : fields) {
    if (*field <= 0) return Error{where + ": " + key + " must be positive, got " + std::to_string(*field)};
  }
  if (arch.image_size % arch.patch_size != 0) {
    return Error{where + ": image_size " + std::to_string(arch.image_size) +
                 " is not a multiple of patch_size " + std::to_string(arch.patch_size)};
  }
  return arch;
}

void InformationalKeys(StrictObject& reader) {
  reader.OptionalString("name");
  reader.OptionalInt("version", 1);
  reader.OptionalString("description");
}

void NoKeys(StrictObject&) {}

}  // namespace

Result<MiniGptV2Architecture> LoadMiniGptV2Architecture(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  if (!json->is_object()) return Error{path.string() + ": a model config must be a JSON object"};
  if (!json->contains("architecture")) return ReadFields(*json, path.string(), InformationalKeys);
  // The model-config format: the harness (benchmarks/model_profile.h) checks
  // the other sections; here only the architecture and the token ids are read.
  auto arch = ReadFields(json->at("architecture"), path.string() + ": architecture", NoKeys);
  if (!arch || !json->contains("special_tokens")) return arch;
  const std::string where = path.string() + ": special_tokens";
  StrictObject tokens(json->at("special_tokens"), where);
  if (!tokens.is_object()) return Error{where + ": must be a JSON object"};
  arch->bos_id = tokens.OptionalInt("bos_id", arch->bos_id);
  arch->eos_id = tokens.OptionalInt("eos_id", arch->eos_id);
  tokens.OptionalString("image_placeholder");  // the harness's (the chat template)
  if (auto status = tokens.Finish(); !status) return Error{status.message()};
  if (arch->bos_id < 0 || arch->eos_id < 0 || arch->bos_id == arch->eos_id)
    return Error{where + ": bos_id and eos_id must be distinct non-negative ids"};
  return arch;
}

}  // namespace vleval
