#include "benchmarks/model_profile.h"

#include "benchmarks/prompt.h"
#include "core/json_file.h"
#include "metrics/box_codec.h"

namespace vleval {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// An optional object section: null when absent, else the object.
Result<nlohmann::json> Section(StrictObject& reader, const char* key, const std::string& where) {
  const nlohmann::json* value = reader.Child(key);
  if (value == nullptr) return nlohmann::json();
  if (!value->is_object()) return Error{where + ": '" + key + "' must be an object"};
  return *value;
}

Result<SpecialTokens> ParseSpecialTokens(const nlohmann::json& object, const std::string& where) {
  StrictObject reader(object, where + ": special_tokens");
  if (!reader.is_object()) return Error{where + ": 'special_tokens' must be an object"};
  SpecialTokens tokens;
  tokens.bos_id = reader.MaybeInt("bos_id");
  tokens.eos_id = reader.MaybeInt("eos_id");
  tokens.image_placeholder = reader.OptionalString("image_placeholder");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  return tokens;
}

}  // namespace

std::string ModelProfile::Wrap(const std::string& task_text) const {
  return WrapConversation(chat_template, task_text);
}

Result<ModelProfile> ParseModelProfile(const nlohmann::json& object, const std::string& where) {
  StrictObject reader(object, where);
  if (!reader.is_object()) return Error{where + ": a model config must be a JSON object"};
  ModelProfile profile;
  profile.name = reader.RequiredString("name");
  profile.version = reader.OptionalInt("version", 1);
  profile.description = reader.OptionalString("description");
  profile.backend = reader.RequiredString("backend");
  profile.chat_template = reader.RequiredString("chat_template");
  profile.box_codec = reader.RequiredString("box_codec");
  auto image = Section(reader, "image", where);
  auto architecture = Section(reader, "architecture", where);
  const nlohmann::json* tokens = reader.Child("special_tokens");
  const nlohmann::json* identifiers = reader.Child("identifiers");
  if (auto status = reader.Finish(); !status) return Error{status.message()};
  if (!image) return image.error();
  if (!architecture) return architecture.error();
  profile.image = std::move(*image);
  profile.architecture = std::move(*architecture);
  if (tokens != nullptr) {
    auto parsed = ParseSpecialTokens(*tokens, where);
    if (!parsed) return parsed.error();
    profile.special_tokens = std::move(*parsed);
  }
  if (identifiers != nullptr) {
    if (!identifiers->is_array()) return Error{where + ": 'identifiers' must be an array of strings"};
    for (const auto& identifier : *identifiers) {
      if (!identifier.is_string()) return Error{where + ": 'identifiers' must be an array of strings"};
      profile.identifiers.push_back(identifier.get<std::string>());
    }
  }
  if (Count(profile.chat_template, "{}") != 1) {
    return Error{where + ": chat_template must hold exactly one \"{}\" (the task text), got '" +
                 profile.chat_template + "'"};
  }
  const std::string& placeholder = profile.special_tokens.image_placeholder;
  if (!placeholder.empty() && Count(profile.chat_template, placeholder) != 1) {
    return Error{where + ": chat_template must hold the image placeholder " + placeholder + " once"};
  }
  if (auto codec = BoxCodecRegistry().Find(profile.box_codec); !codec) {
    return Error{where + ": box_codec: " + codec.error().message};
  }
  return profile;
}

Result<ModelProfile> LoadModelProfile(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  return ParseModelProfile(*json, path.string());
}

}  // namespace vleval
