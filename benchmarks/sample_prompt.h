// The exact text that goes to the tokenizer for one sample: the task's prompt
// variant with the sample's fields, the identifier choice (--identifier), and
// the conversation wrapper.
#pragma once

#include <string>

#include "benchmarks/prompt.h"
#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/result.h"

namespace vleval {

struct SamplePrompt {
  std::string task_text;  // e.g. "[vqa] Based on the image, ... {question}" filled in
  std::string prompt;     // task_text inside the conversation wrapper
};

// Renders `variant` ("" = default) of `config` for `sample`. A placeholder the
// sample has no field for is an error naming the task, sample and placeholder.
Result<SamplePrompt> RenderSamplePrompt(const TaskConfig& config, const std::string& variant,
                                        const IdentifierChoice& identifier, const Sample& sample);

}  // namespace vleval
