// Writing images as NumPy .npy files (format version 1.0), for
// `vleval preprocess` and for comparing with Python (model/image/).
// uint8 images are stored H x W x 3 ('|u1'), float tensors 3 x H x W ('<f4'),
// C order; the header is padded so the data starts at a multiple of 64 bytes,
// as numpy writes it. numpy.load reads both back unchanged.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

// The complete .npy header (magic, version, length, dict, padding, '\n') for
// an array of `descr` ('|u1', '<f4') with `shape` written as a Python tuple,
// e.g. "(448, 448, 3)".
std::string NpyHeader(const std::string& descr, const std::string& shape);

// Writes `image` as uint8 (height, width, 3). Errors name `path`.
Status WriteNpy(const std::filesystem::path& path, const RgbImage& image);

// Writes `image` as little-endian float32 (3, height, width). Errors name `path`.
Status WriteNpy(const std::filesystem::path& path, const ChwFloatImage& image);

}  // namespace vleval::image
