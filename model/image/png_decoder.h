// PNG decoding to what Pillow's Image.open(path).convert('RGB') returns
// (model/image/). libpng reads the file; the conversion to RGB follows
// Pillow's modes and converters:
//   grey 1/2/4/8-bit  -> "1"/"L": value scaled to 0..255 and replicated
//   grey 16-bit       -> "I": value clamped to 0..255 (not scaled) and replicated
//   grey+alpha, RGBA  -> alpha dropped, no compositing
//   16-bit RGB/LA/RGBA-> the high byte of each sample
//   palette           -> expanded through PLTE; indices past the palette read
//                        Pillow's default grey ramp (i, i, i); tRNS ignored
// gAMA, sRGB and iCCP are ignored, as in Pillow. Interlaced files are supported.
// A file cut inside its image data is decoded as far as its data goes, rows
// that could not be completed left at 0, as Pillow does with
// ImageFile.LOAD_TRUNCATED_IMAGES (set by the MiniGPT-v2 datasets). Known
// gap: for a truncated *interlaced* file Pillow may keep a row or two fewer
// of the last pass than libpng delivers (its inflate loop stops on its own
// input-chunk boundaries); complete files are unaffected.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

// True when `bytes` starts with the 8-byte PNG signature.
bool LooksLikePng(std::span<const std::uint8_t> bytes);

// Decodes a whole PNG file held in `bytes` to RGB as described above. `name`
// (usually the path) prefixes every error message. A file cut before its
// image data, corrupt data, a CRC error in a critical chunk, or an image
// larger than kMaxDecodedPixels is an error. A file that stops before its
// IEND chunk (cut inside or after its image data) decodes with
// RgbImage::truncated set. Thread-safe: no shared state.
Result<RgbImage> DecodePng(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace vleval::image
