#include "harness/data_prompts.h"

#include <cstdlib>

#include "benchmarks/loader.h"
#include "benchmarks/sample_prompt.h"

namespace vleval {

Result<std::filesystem::path> ResolveDataRoot(const std::string& option) {
  std::string root = option;
  if (root.empty()) {
    const char* env = std::getenv("VLEVAL_DATA");
    if (env != nullptr) root = env;
  }
  if (root.empty()) return Error{"no data root: give --data-root DIR or set VLEVAL_DATA"};
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) return Error{"data root " + root + " is not a folder"};
  return std::filesystem::path(root);
}

Result<std::vector<RenderedPrompt>> RenderPrompts(const TaskCatalog& catalog, const RunEntry& entry,
                                                  const std::string& identifier,
                                                  const std::filesystem::path& data_root, std::size_t first,
                                                  std::size_t count,
                                                  const std::filesystem::path& model_config) {
  auto config = catalog.FindTask(entry.task);
  if (!config) return config.error();
  auto choice = IdentifierChoice::Parse(identifier.empty() ? entry.identifier : identifier);
  if (!choice) return choice.error();
  auto variant = (*config)->Variant(entry.variant);
  if (!variant) return variant.error();
  auto model = LoadModelProfile(model_config.empty() ? catalog.DefaultModelConfig() : model_config);
  if (!model) return model.error();
  auto loaded = LoadTaskSamples(**config, data_root);
  if (!loaded) return loaded.error();
  if (first >= loaded->samples.size()) {
    return Error{"task '" + entry.task + "' has " + std::to_string(loaded->samples.size()) +
                 " samples; sample " + std::to_string(first) + " does not exist"};
  }
  std::vector<RenderedPrompt> prompts;
  for (std::size_t i = first; i < loaded->samples.size() && i < first + count; ++i) {
    const Sample& sample = loaded->samples[i];
    auto rendered = RenderSamplePrompt(**config, entry.variant, *choice, sample, *model);
    if (!rendered) return rendered.error();
    RenderedPrompt prompt;
    prompt.task = entry.task;
    prompt.variant = entry.variant.empty() ? (*config)->default_variant : entry.variant;
    prompt.identifier = choice->ToString();
    prompt.index = i;
    prompt.id = sample.id;
    prompt.prompt = rendered->prompt;
    auto image = ResolveImage(sample, loaded->image_roots);
    prompt.image_found = image.ok();
    prompt.image = image ? image->string() : image.error().message;
    prompts.push_back(std::move(prompt));
  }
  return prompts;
}

}  // namespace vleval
