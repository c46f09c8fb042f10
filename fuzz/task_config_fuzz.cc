// Task configs: the strict JSON reader, then the task config parser and its
// prompt variants.
#include "benchmarks/task_config.h"
#include "core/json_file.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto json = vleval::ParseStrictJson(vleval::fuzz::AsText(data, size), "fuzz.json");
  if (!json) return 0;
  (void)vleval::JsonPreview(*json);
  auto config = vleval::ParseTaskConfig(*json, "fuzz.json");
  if (!config) return 0;
  (void)config->Variant("");
  for (const auto& [name, variant] : config->variants) (void)config->Variant(name);
  return 0;
}
