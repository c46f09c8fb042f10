// The pickle machine, and the legacy torch.save reader (five pickles and raw
// storages) when the input carries its magic number.
#include "fuzz/fuzz_input.h"
#include "model/weights/legacy_torch_save.h"
#include "model/weights/pickle_machine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = vleval::fuzz::AsText(data, size);
  if (vleval::LooksLikeLegacyTorchSave(bytes)) {
    (void)vleval::ParseLegacyTorchSave(bytes, "fuzz.pth");
  } else {
    (void)vleval::Unpickle(bytes, "fuzz.pkl");
  }
  return 0;
}
