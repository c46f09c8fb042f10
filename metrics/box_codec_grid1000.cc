// `[x1, y1, x2, y2]` integers on a 0-1000 grid of the original image:
// x = n/1000*W, y = n/1000*H. A fraction or a value outside 0..1000 is an
// error.
#include <cmath>

#include "metrics/box_codec.h"
#include "metrics/box_codec_bracketed.h"

namespace vleval {

BoxCodec Grid1000BoxCodec() {
  return {"[x1, y1, x2, y2] integers 0-1000 of the original image",
          [](std::string_view output, double width, double height) -> Result<PixelBox> {
            auto numbers = FindBracketedQuadruple(output);
            if (!numbers.ok()) return numbers.error();
            for (double v : *numbers) {
              if (v < 0 || v > 1000 || std::floor(v) != v) {
                return Error{"grid1000 box value " + std::to_string(v) + " is not an integer 0-1000"};
              }
            }
            const auto& v = *numbers;
            return PixelBox{v[0] / 1000.0 * width, v[1] / 1000.0 * height, v[2] / 1000.0 * width,
                            v[3] / 1000.0 * height};
          }};
}

}  // namespace vleval
