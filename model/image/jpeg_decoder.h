// JPEG decoding as Pillow does it (model/image/): libjpeg-turbo with the
// library's defaults (ISLOW integer DCT, fancy upsampling), no EXIF rotation,
// then Image.convert('RGB'). A truncated file is decoded as far as its data
// goes, the way Pillow does with ImageFile.LOAD_TRUNCATED_IMAGES (an EOI
// marker is supplied at the end of the data; libjpeg fills what is missing).
//
// Pillow links the same system libjpeg-turbo on Debian, so the output is
// identical byte for byte (tests/image/pillow_parity_test.cc checks it).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

// Largest image accepted, in pixels: Pillow's decompression-bomb error limit
// (2 * Image.MAX_IMAGE_PIXELS). Larger images are an error, not an allocation.
inline constexpr long long kMaxDecodedPixels = 2LL * 89478485LL;

// True when `bytes` starts with the JPEG SOI marker.
bool LooksLikeJpeg(std::span<const std::uint8_t> bytes);

// Decodes a whole JPEG file held in `bytes` to RGB. Greyscale files are
// replicated to three channels; CMYK/YCCK files are read with Adobe's inverted
// convention and converted with Pillow's cmyk2rgb formula. `name` (usually the
// path) prefixes every error message. Corrupt headers, unsupported colour
// spaces and oversized images are errors; damaged entropy data is not (libjpeg
// warnings are ignored, as in Pillow). A file whose data ends before its EOI
// marker decodes as far as it goes with RgbImage::truncated set. Thread-safe:
// no shared state.
Result<RgbImage> DecodeJpeg(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace vleval::image
