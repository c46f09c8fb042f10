// MiniGPT-v2's box text, read exactly as eval_ref.py reads it
// (minigptv2_protocol.md §3.3-3.4):
//  1. clean: delete "<unk>", delete every ' ', strip;
//  2. valid only if `\{<\d{1,3}><\d{1,3}><\d{1,3}><\d{1,3}>\}` matches at the
//     start (re.match: trailing text allowed);
//  3. every run of digits in the cleaned text is an integer; exactly 4 are
//     required (trailing digits make 5+ and the reference's unpacking fails);
//  4. x = n/100*W, y = n/100*H on the original image.
// `\d` is ASCII 0-9 here (Python 3 also accepts other Unicode digits).
#include <regex>
#include <vector>

#include "metrics/box_codec.h"
#include "metrics/python_text.h"

namespace vleval {
namespace {

Result<PixelBox> DecodeMiniGptV2(std::string_view output, double width, double height) {
  const std::string cleaned = PyStrip(PyReplace(PyReplace(output, "<unk>", ""), " ", ""));
  static const std::regex kValidPrefix(R"(\{<[0-9]{1,3}><[0-9]{1,3}><[0-9]{1,3}><[0-9]{1,3}>\})");
  if (!std::regex_search(cleaned, kValidPrefix, std::regex_constants::match_continuous)) {
    return Error{"not a {<x1><y1><x2><y2>} box: '" + cleaned + "'"};
  }
  std::vector<double> numbers;
  for (size_t i = 0; i < cleaned.size();) {
    if (cleaned[i] < '0' || cleaned[i] > '9') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < cleaned.size() && cleaned[i] >= '0' && cleaned[i] <= '9') ++i;
    // Only the 4 box integers (1-3 digits each) are ever converted.
    numbers.push_back(i - start <= 3 ? std::stod(cleaned.substr(start, i - start)) : 0.0);
  }
  if (numbers.size() != 4) {
    return Error{std::to_string(numbers.size()) + " integers in '" + cleaned + "', 4 expected"};
  }
  return PixelBox{numbers[0] / 100.0 * width, numbers[1] / 100.0 * height, numbers[2] / 100.0 * width,
                  numbers[3] / 100.0 * height};
}

}  // namespace

BoxCodec MiniGptV2BoxCodec() {
  return {"{<x1><y1><x2><y2>} integers 0-100 of the original image (MiniGPT-v2)", DecodeMiniGptV2};
}

}  // namespace vleval
