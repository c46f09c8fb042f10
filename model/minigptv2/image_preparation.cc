#include "model/minigptv2/image_preparation.h"

#include <optional>
#include <string>

#include <tbb/parallel_for.h>

#include "core/json_file.h"
#include "model/image/bicubic_resize.h"

namespace vleval {
namespace {

// A JSON array of three positive (std) or any (mean) numbers.
Status ReadTriple(const nlohmann::json* value, const std::string& where, const char* key, bool positive,
                  std::array<double, 3>& out) {
  if (value == nullptr) return {};
  if (!value->is_array() || value->size() != 3)
    return Error{where + ": image." + key + " must be an array of 3 numbers"};
  for (std::size_t c = 0; c < 3; ++c) {
    if (!(*value)[c].is_number() || (positive && (*value)[c].get<double>() <= 0.0))
      return Error{where + ": image." + key + "[" + std::to_string(c) + "] must be a " +
                   (positive ? "positive " : "") + "number"};
    out[c] = (*value)[c].get<double>();
  }
  return {};
}

}  // namespace

Result<ImagePreparation> LoadImagePreparation(const std::filesystem::path& model_config, int default_size) {
  ImagePreparation preparation;
  preparation.size = default_size;
  if (model_config.empty()) return preparation;
  auto json = ReadJsonFile(model_config);
  if (!json) return json.error();
  const std::string where = model_config.string();
  if (!json->is_object() || !json->contains("image")) return preparation;
  const nlohmann::json& section = (*json)["image"];
  StrictObject object(section, where + ": image");
  if (!object.is_object()) return Error{where + ": \"image\" must be an object"};
  preparation.size = object.OptionalInt("size", default_size);
  const std::string resize = object.OptionalString("resize", "bicubic");
  const nlohmann::json* mean = object.Child("mean");
  const nlohmann::json* std_dev = object.Child("std");
  if (auto status = object.Finish(); !status) return Error{status.message()};
  if (preparation.size < 1) return Error{where + ": image.size must be positive"};
  if (resize != "bicubic")
    return Error{where + ": image.resize '" + resize + "': only bicubic is implemented"};
  if (auto status = ReadTriple(mean, where, "mean", false, preparation.mean); !status)
    return Error{status.message()};
  if (auto status = ReadTriple(std_dev, where, "std", true, preparation.std); !status)
    return Error{status.message()};
  return preparation;
}

Result<image::ChwFloatImage> PrepareImage(const ImagePreparation& preparation, const ImageInput& input) {
  const image::RgbImage& pixels = input.pixels;
  if (pixels.width < 1 || pixels.height < 1 ||
      pixels.pixels.size() != static_cast<std::size_t>(pixels.width) * pixels.height * 3)
    return Error{"image is empty or malformed (" + std::to_string(pixels.width) + "x" +
                 std::to_string(pixels.height) + ")"};
  const int size = preparation.size;
  std::optional<image::RgbImage> resized;
  if (pixels.width != size || pixels.height != size) resized = image::ResizeBicubic(pixels, size, size);
  return image::NormalizeWith(resized ? *resized : pixels, preparation.mean, preparation.std);
}

Result<std::vector<image::ChwFloatImage>> PrepareImages(const ImagePreparation& preparation,
                                                        std::span<const ImageInput* const> inputs) {
  std::vector<Result<image::ChwFloatImage>> prepared(inputs.size(), Error{"not prepared"});
  tbb::parallel_for(std::size_t{0}, inputs.size(), [&](std::size_t i) {
    prepared[i] = inputs[i] == nullptr ? Result<image::ChwFloatImage>(Error{"no image"})
                                       : PrepareImage(preparation, *inputs[i]);
  });
  std::vector<image::ChwFloatImage> images;
  images.reserve(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!prepared[i]) return Error{"request " + std::to_string(i) + ": " + prepared[i].error().message};
    images.push_back(std::move(*prepared[i]));
  }
  return images;
}

}  // namespace vleval
