// The zip central directory of torch.save files, and every entry's bytes.
#include "fuzz/fuzz_input.h"
#include "model/weights/zip_directory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto directory = vleval::ZipDirectory::Read(vleval::fuzz::AsText(data, size), "fuzz.pth");
  if (!directory) return 0;
  for (const auto& entry : directory->entries()) {
    auto bytes = directory->EntryBytes(entry);
    if (bytes && !bytes->empty()) {
      volatile char first = bytes->front(), last = bytes->back();  // the range must be readable
      (void)first;
      (void)last;
    }
  }
  return 0;
}
