// ToTensor + Normalize with the CLIP constants, as the MiniGPT-v2 eval
// transform applies them on the CPU (model/image/; spec
// model_and_preprocessing.md §4.1): per value, in float32 and in this order,
//   (float(u8) / 255.0f - mean[c]) / std[c]
// with true divisions (torchvision's to_tensor div(255), then sub_ and div_).
// mean and std are the decimal constants rounded to double and then to float,
// as torch.as_tensor(list_of_python_floats, dtype=float32) does.
//
// Because the result depends only on (channel, byte), it is tabulated once
// (768 floats) and the conversion is a lookup: bit-identical to computing it.
#pragma once

#include <array>
#include <span>

#include "model/image/image.h"

namespace vleval::image {

// CLIP's normalisation constants (OpenAI), as Python floats (double).
inline constexpr double kClipMean[3] = {0.48145466, 0.4578275, 0.40821073};
inline constexpr double kClipStd[3] = {0.26862954, 0.26130258, 0.27577711};

// The normalised value of byte `value` in channel `channel` (0..2), computed
// with the float32 operations above (no table).
float ClipNormalizedValue(int channel, int value);

// Writes `image` as CHW float32 into `out`, which must hold exactly
// 3 * height * width floats (asserted), e.g. one slot of a batch tensor owned
// by the caller. Thread-safe.
void NormalizeClipInto(const RgbImage& image, std::span<float> out);

// The same into a new ChwFloatImage (keeping `image.truncated`).
ChwFloatImage NormalizeClip(const RgbImage& image);

// The same transform with another per-channel mean and std (a model
// config's "image" section); with the CLIP constants it equals NormalizeClip
// bit for bit.
ChwFloatImage NormalizeWith(const RgbImage& image, const std::array<double, 3>& mean,
                            const std::array<double, 3>& std_dev);

}  // namespace vleval::image
