// The JPEG decoder and the header probe of data check (libjpeg-turbo behind it).
#include "model/image/image_probe.h"
#include "model/image/jpeg_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)vleval::image::DecodeJpeg({data, size}, "fuzz.jpg");
  (void)vleval::image::ProbeImageBytes({data, size}, "fuzz");
  return 0;
}
