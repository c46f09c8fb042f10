// Prompts rendered from a data root without a model, for `vleval validate`
// and `vleval tasks --show-prompt`: the exact string each sample sends to the
// tokenizer, with its id and image.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/task_catalog.h"
#include "core/result.h"

namespace vleval {

// --data-root when given, else $VLEVAL_DATA; an error when neither is set or
// the folder does not exist.
Result<std::filesystem::path> ResolveDataRoot(const std::string& option);

struct RenderedPrompt {
  std::string task;
  std::string variant;     // the prompt variant used
  std::string identifier;  // "default", "none" or the token
  std::size_t index = 0;   // position in the task's sample order
  nlohmann::json id;
  std::string prompt;  // wrapped, exactly as tokenized
  std::string image;   // resolved image path, or the lookup error
  bool image_found = false;
};

// Loads `entry.task` from `data_root` and renders samples [first, first +
// count) (fewer at the end of the task; `first` past the end is an error).
// `identifier` overrides entry.identifier unless empty. Prompts are wrapped
// in the chat template of `model_config` ("" = catalog.DefaultModelConfig()).
Result<std::vector<RenderedPrompt>> RenderPrompts(const TaskCatalog& catalog, const RunEntry& entry,
                                                  const std::string& identifier,
                                                  const std::filesystem::path& data_root, std::size_t first,
                                                  std::size_t count,
                                                  const std::filesystem::path& model_config = {});

}  // namespace vleval
