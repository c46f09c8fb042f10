// ModelProfile: what a model family fixes for the harness, read from
// configs/models/<name>.json (the format of docs/architecture.md "Models as
// data"): the chat template a task's text goes into, the REC box codec its
// outputs use, its special tokens and the task identifiers it understands.
// The "image" and "architecture" sections belong to the backend: they are
// kept as raw JSON objects here (the minigptv2 backend reads "architecture"
// with model/minigptv2/architecture.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace vleval {

struct SpecialTokens {
  std::optional<int> bos_id, eos_id;  // absent for served models (the server tokenizes)
  std::string image_placeholder;      // "" = the template holds no image position
};

struct ModelProfile {
  std::string name;
  int version = 1;
  std::string description;
  std::string backend;        // default backend of this model family
  std::string chat_template;  // exactly one "{}" (the task text)
  std::string box_codec;      // a name in BoxCodecRegistry() (metrics/box_codec.h)
  SpecialTokens special_tokens;
  std::vector<std::string> identifiers;  // task identifiers the model was trained with
  nlohmann::json image;                  // backend's image preparation; null when absent
  nlohmann::json architecture;           // backend's architecture constants; null when absent

  // chat_template with "{}" replaced by `task_text`.
  std::string Wrap(const std::string& task_text) const;
};

// Parses one model config. Unknown keys, a missing name/backend/chat_template
// /box_codec, a template without exactly one "{}", a template that names no
// image placeholder while special_tokens gives one (or the reverse), an
// unknown box codec and mistyped fields are errors naming `where`.
Result<ModelProfile> ParseModelProfile(const nlohmann::json& object, const std::string& where);

// Reads and parses a model config file.
Result<ModelProfile> LoadModelProfile(const std::filesystem::path& path);

}  // namespace vleval
