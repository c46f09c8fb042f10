#include "model/minigptv2/architecture.h"

#include <string>
#include <utility>

#include "core/json_file.h"

namespace vleval {

Result<MiniGptV2Architecture> LoadMiniGptV2Architecture(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  StrictObject object(*json, path.string());
  if (!object.is_object()) return Error{path.string() + ": a model config must be a JSON object"};
  object.OptionalString("name");
  object.OptionalInt("version", 1);
  object.OptionalString("description");
  MiniGptV2Architecture arch;
  const std::pair<const char*, int*> fields[] = {
      {"vit_depth", &arch.vit_depth},       {"vit_heads", &arch.vit_heads},
      {"image_size", &arch.image_size},     {"patch_size", &arch.patch_size},
      {"merge_tokens", &arch.merge_tokens}, {"lora_r", &arch.lora_r},
      {"lora_alpha", &arch.lora_alpha}};
  for (const auto& [key, field] : fields) *field = object.OptionalInt(key, *field);
  if (auto status = object.Finish(); !status) return Error{status.message()};
  for (const auto& [key, field] : fields) {
    if (*field <= 0)
      return Error{path.string() + ": " + key + " must be positive, got " + std::to_string(*field)};
  }
  if (arch.image_size % arch.patch_size != 0) {
    return Error{path.string() + ": image_size " + std::to_string(arch.image_size) +
                 " is not a multiple of patch_size " + std::to_string(arch.patch_size)};
  }
  return arch;
}

}  // namespace vleval
