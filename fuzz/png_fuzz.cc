// The PNG decoder and the header probe of data check (libpng behind it).
#include "model/image/image_probe.h"
#include "model/image/png_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)vleval::image::DecodePng({data, size}, "fuzz.png");
  (void)vleval::image::ProbeImageBytes({data, size}, "fuzz");
  return 0;
}
