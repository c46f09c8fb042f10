// MiniGPT-v2's box text, read exactly as eval_ref.py reads it
// (minigptv2_protocol.md §3.3-3.4):
//  1. clean: delete "<unk>", delete every ' ', strip;
//  2. valid only if `\{<\d{1,3}><\d{1,3}><\d{1,3}><\d{1,3}>\}` matches at the
//     start (re.match: trailing text allowed);
//  3. every run of digits in the cleaned text is an integer; exactly 4 are
//     required (trailing digits make 5+ and the reference's unpacking fails);
//  4. x = n/100*W, y = n/100*H on the original image.
// `\d` is ASCII 0-9 here (Python 3 also accepts other Unicode digits).
#include <vector>

#include "core/json_file.h"
#include "metrics/box_codec.h"
#include "metrics/python_text.h"

namespace vleval {
namespace {

// `\{<\d{1,3}><\d{1,3}><\d{1,3}><\d{1,3}>\}` at the start of `text`
// (re.match), checked by hand: constant stack, at most 22 bytes read.
bool StartsWithBox(std::string_view text) {
  std::size_t at = 0;
  const auto next_is = [&](char c) { return at < text.size() && text[at] == c ? (++at, true) : false; };
  if (!next_is('{')) return false;
  for (int i = 0; i < 4; ++i) {
    if (!next_is('<')) return false;
    std::size_t digits = 0;
    while (digits < 3 && at < text.size() && text[at] >= '0' && text[at] <= '9') ++at, ++digits;
    if (digits == 0 || !next_is('>')) return false;
  }
  return next_is('}');
}

Result<PixelBox> DecodeMiniGptV2(std::string_view output, double width, double height) {
  const std::string cleaned = PyStrip(PyReplace(PyReplace(output, "<unk>", ""), " ", ""));
  if (!StartsWithBox(cleaned))
    return Error{"not a {<x1><y1><x2><y2>} box: '" + TextPreview(cleaned, 80) + "'"};
  std::vector<double> numbers;
  for (size_t i = 0; i < cleaned.size();) {
    if (cleaned[i] < '0' || cleaned[i] > '9') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < cleaned.size() && cleaned[i] >= '0' && cleaned[i] <= '9') ++i;
    // Only the 4 box integers (1-3 digits each) are ever converted.
    double value = 0;
    for (std::size_t d = start; d < i && i - start <= 3; ++d) value = value * 10 + (cleaned[d] - '0');
    numbers.push_back(value);
  }
  if (numbers.size() != 4) {
    return Error{std::to_string(numbers.size()) + " integers in '" + TextPreview(cleaned, 80) +
                 "', 4 expected"};
  }
  return PixelBox{numbers[0] / 100.0 * width, numbers[1] / 100.0 * height, numbers[2] / 100.0 * width,
                  numbers[3] / 100.0 * height};
}

}  // namespace

BoxCodec MiniGptV2BoxCodec() {
  return {"{<x1><y1><x2><y2>} integers 0-100 of the original image (MiniGPT-v2)", DecodeMiniGptV2};
}

}  // namespace vleval
