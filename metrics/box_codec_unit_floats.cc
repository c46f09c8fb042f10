// `[x1, y1, x2, y2]` with coordinates as fractions of the image width and
// height (lmms-eval's REC format): x = f*W, y = f*H. Values outside [0, 1]
// are kept as written (the reference does not clamp).
#include "metrics/box_codec.h"
#include "metrics/box_codec_bracketed.h"

namespace vleval {

BoxCodec UnitFloatsBoxCodec() {
  return {"[x1, y1, x2, y2] fractions of the image size",
          [](std::string_view output, double width, double height) -> Result<PixelBox> {
            auto numbers = FindBracketedQuadruple(output);
            if (!numbers.ok()) return numbers.error();
            const auto& v = *numbers;
            return PixelBox{v[0] * width, v[1] * height, v[2] * width, v[3] * height};
          }};
}

}  // namespace vleval
