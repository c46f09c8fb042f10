// How MiniGPT-v2 prepares a request's image (model/minigptv2/, torch-free):
// the decoded pixels are resized to size x size with Pillow's bicubic filter
// (a copy when they are that size already) and normalised per channel as
// torchvision's Normalize: ((value / 255) - mean) / std in float32 (the
// official blip2_image_eval transform). The parameters come from the model
// config's "image" section, else the defaults below.
#pragma once

#include <array>
#include <filesystem>
#include <span>
#include <vector>

#include "core/result.h"
#include "model/backend.h"
#include "model/image/clip_normalize.h"

namespace vleval {

struct ImagePreparation {
  int size = 448;  // MiniGPT-v2's input resolution
  std::array<double, 3> mean = {image::kClipMean[0], image::kClipMean[1], image::kClipMean[2]};
  std::array<double, 3> std = {image::kClipStd[0], image::kClipStd[1], image::kClipStd[2]};
};

// The "image" section of `model_config`: {"size": N, "resize": "bicubic",
// "mean": [r, g, b], "std": [r, g, b]}, every key optional (absent: the
// defaults, size = `default_size`), unknown keys and other resize rules an
// error naming the file. No section, or no file (empty path): the defaults.
Result<ImagePreparation> LoadImagePreparation(const std::filesystem::path& model_config, int default_size);

// The prepared image of `input`: float32, 3 x size x size. An empty image
// is an error.
Result<image::ChwFloatImage> PrepareImage(const ImagePreparation& preparation, const ImageInput& input);

// PrepareImage of every input, in parallel (TBB) over the batch; null
// inputs give an error. Element i's error is reported as "request i: ...".
Result<std::vector<image::ChwFloatImage>> PrepareImages(const ImagePreparation& preparation,
                                                        std::span<const ImageInput* const> inputs);

}  // namespace vleval
