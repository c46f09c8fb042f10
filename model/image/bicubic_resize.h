// Pillow's Image.resize((width, height), Image.BICUBIC) for 8-bit RGB,
// reproduced byte for byte (model/image/; spec model_and_preprocessing.md
// §4.2-4.3). This is what torchvision's Resize((h, w), BICUBIC) does to a PIL
// image in the MiniGPT-v2 eval transform.
//
// Two separable passes in 22-bit fixed point: horizontal first (only the
// source rows the vertical pass needs), rounded and clamped to uint8, then
// vertical. A pass runs only when its dimension changes (Pillow's
// need_horizontal / need_vertical with the default box); same size is a copy.
#pragma once

#include "model/image/image.h"

namespace vleval::image {

// Resizes `image` to `width` x `height`. Preconditions (programming errors,
// asserted): the image and the target are non-empty. Any ratio, up or down.
// The result keeps `image.truncated`. Pure function; thread-safe.
RgbImage ResizeBicubic(const RgbImage& image, int width, int height);

}  // namespace vleval::image
