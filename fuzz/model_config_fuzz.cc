// Model configs (--model-config): the file reader and the architecture checks.
#include "fuzz/fuzz_input.h"
#include "model/minigptv2/architecture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto path = vleval::fuzz::ScratchDir() / "model.json";
  vleval::fuzz::WriteFile(path, vleval::fuzz::AsText(data, size));
  (void)vleval::LoadMiniGptV2Architecture(path);
  return 0;
}
