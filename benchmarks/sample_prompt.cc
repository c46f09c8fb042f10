#include "benchmarks/sample_prompt.h"

namespace vleval {

Result<SamplePrompt> RenderSamplePrompt(const TaskConfig& config, const std::string& variant,
                                        const IdentifierChoice& identifier, const Sample& sample,
                                        const ModelProfile& model) {
  auto prompt = config.Variant(variant);
  if (!prompt) return prompt.error();
  auto text = RenderTaskText(*prompt, identifier, sample.fields);
  if (!text)
    return Error{"task '" + config.name + "' sample " + sample.id.dump() + ": " + text.error().message};
  return SamplePrompt{*text, model.Wrap(*text)};
}

}  // namespace vleval
