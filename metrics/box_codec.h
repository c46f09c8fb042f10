// REC output codecs: how a model writes a box in text, and how to read it
// back into pixels of the original image. One codec per file
// (box_codec_<name>.cc), looked up by name in BoxCodecRegistry():
//   minigptv2    `{<x1><y1><x2><y2>}` integers on a 0-100 grid
//                (box_codec_minigptv2.cc: eval_ref.py's rules)
//   unit_floats  `[x1, y1, x2, y2]` floats, fractions of width/height
//   grid1000     `[x1, y1, x2, y2]` integers on a 0-1000 grid
// Decoding never throws: text the codec cannot read is an Error explaining
// why, which rec_accuracy counts as a parse failure (a miss).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/registry.h"
#include "core/result.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct BoxCodec {
  std::string summary;
  // (model output, image width px, image height px) -> box in pixels.
  // Pure and thread-safe.
  std::function<Result<PixelBox>(std::string_view, double, double)> decode;
};

// Built on first use (thread-safe); one line per codec in box_codec.cc.
const Registry<BoxCodec>& BoxCodecRegistry();

BoxCodec MiniGptV2BoxCodec();
BoxCodec UnitFloatsBoxCodec();
BoxCodec Grid1000BoxCodec();

}  // namespace vleval
