// The safetensors header (and the byte ranges it gives, which must lie in the
// file).
#include "fuzz/fuzz_input.h"
#include "model/weights/safetensors_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto layout = vleval::ParseSafetensorsLayout(vleval::fuzz::AsText(data, size), "fuzz.safetensors");
  if (!layout) return 0;
  for (const auto& tensor : layout->tensors) {
    if (tensor.end > size || tensor.begin > tensor.end) __builtin_trap();
  }
  return 0;
}
