// `vleval preprocess`: one image as MiniGPT-v2 sees it, written as .npy
// (data_layout.md): --stage resized is uint8 H x W x 3 after Pillow-exact
// bicubic resize; --stage normalized is float32 3 x H x W after CLIP
// normalisation.
#include <iostream>

#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "model/image/clip_normalize.h"
#include "model/image/jpeg_decoder.h"
#include "model/image/npy_file.h"
#include "model/image/preprocess.h"

namespace vleval::cli {
namespace {

// The largest square output within the decoders' decompression-bomb limit.
constexpr int kMaxImageSide = 13377;
static_assert(1LL * kMaxImageSide * kMaxImageSide <= image::kMaxDecodedPixels);

int Preprocess(const std::string& image_path, int size, const std::string& stage, const std::string& out) {
  auto resized = image::LoadResizedImage(image_path, size);
  if (!resized) return CommandFailure("preprocess", resized.error().message);
  const Status written = stage == "resized" ? image::WriteNpy(out, *resized)
                                            : image::WriteNpy(out, image::NormalizeClip(*resized));
  if (!written) return CommandFailure("preprocess", written.message());
  return kExitOk;
}

}  // namespace

Command PreprocessCommand() {
  return {"preprocess", "write an image as the model sees it (.npy)",
          [](const std::vector<std::string>& args) {
            po::options_description options("vleval preprocess options");
            std::string image_path, stage, out;
            int size = image::kMiniGptV2ImageSize;
            options.add_options()("image", po::value(&image_path)->required(), "input image (JPEG or PNG)")(
                "size", po::value(&size)->default_value(size), "output is size x size pixels")(
                "stage", po::value(&stage)->required(),
                "resized: uint8 H x W x 3 after bicubic resize; normalized: float32 3 x H x W after CLIP "
                "normalisation")("out", po::value(&out)->required(), "output .npy file");
            po::variables_map values;
            if (auto stop = ParseCommandOptions(
                    "preprocess",
                    "vleval preprocess --image FILE [--size 448] --stage resized|normalized --out FILE.npy",
                    options, {}, args, values, std::cout, std::cerr))
              return *stop;
            if (stage != "resized" && stage != "normalized") {
              std::cerr << "vleval preprocess: --stage must be 'resized' or 'normalized', got '" << stage
                        << "'\n";
              return kExitUsage;
            }
            if (auto bad = CheckRange("preprocess", "size", size, 1, kMaxImageSide,
                                      "size x size is at most the decompression-bomb limit of " +
                                          std::to_string(image::kMaxDecodedPixels) + " pixels")) {
              return *bad;
            }
            return Preprocess(image_path, size, stage, out);
          }};
}

}  // namespace vleval::cli
