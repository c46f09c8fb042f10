// The exact text that goes to the tokenizer for one sample: the task's prompt
// variant with the sample's fields, the identifier choice (--identifier), and
// the model's chat template.
#pragma once

#include <string>

#include "benchmarks/model_profile.h"
#include "benchmarks/prompt.h"
#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/result.h"

namespace vleval {

struct SamplePrompt {
  std::string task_text;  // e.g. "[vqa] Based on the image, ... {question}" filled in
  std::string prompt;     // task_text inside the model's chat template
};

// Renders `variant` ("" = default) of `config` for `sample`, wrapped in
// `model`'s chat template. A placeholder the sample has no field for is an
// error naming the task, sample and placeholder.
Result<SamplePrompt> RenderSamplePrompt(const TaskConfig& config, const std::string& variant,
                                        const IdentifierChoice& identifier, const Sample& sample,
                                        const ModelProfile& model);

}  // namespace vleval
