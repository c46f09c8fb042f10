#include "model/minigptv2/image_encoder.h"

#include "model/minigptv2/precision.h"

namespace vleval {
namespace {

constexpr double kLnVisionEps = 1e-5;

}  // namespace

Result<ImageEncoder> ImageEncoder::Build(const TensorSource& vit_source, const TensorSource& checkpoint,
                                         const MiniGptV2Architecture& arch, int64_t llm_hidden,
                                         TensorPlacement placement, AttentionKernel kernel) {
  auto vit = EvaVit::Build(vit_source, arch, placement, kernel);
  if (!vit) return vit.error();
  const int64_t width = vit->width();
  const int64_t patches = (arch.image_size / arch.patch_size) * (arch.image_size / arch.patch_size);
  if (patches % arch.merge_tokens != 0) {
    return Error{"model config: " + std::to_string(patches) + " patches do not split into groups of " +
                 std::to_string(arch.merge_tokens)};
  }
  ImageEncoder encoder(std::move(*vit));
  encoder.merge_ = arch.merge_tokens;
  encoder.tokens_per_image_ = patches / arch.merge_tokens;
  WeightReader reader(checkpoint, placement);
  if (checkpoint.tensors->count("ln_vision.weight") != 0) {
    encoder.ln_weight_ = reader.TakeFloat("ln_vision.weight", {width});
    encoder.ln_bias_ = reader.TakeFloat("ln_vision.bias", {width});
  } else {
    encoder.ln_weight_ = torch::ones({width}, torch::TensorOptions(placement.device));
    encoder.ln_bias_ = torch::zeros({width}, torch::TensorOptions(placement.device));
  }
  encoder.proj_weight_ = reader.Take("llama_proj.weight", {llm_hidden, width * arch.merge_tokens});
  encoder.proj_bias_ = reader.Take("llama_proj.bias", {llm_hidden});
  if (auto status = reader.status(); !status) return Error{status.message()};
  return encoder;
}

torch::Tensor ImageEncoder::Encode(const torch::Tensor& images) const {
  torch::Tensor tokens = vit_.Forward(images);
  const int64_t width = tokens.size(2);
  tokens = torch::layer_norm(tokens.to(torch::kFloat32), {width}, ln_weight_, ln_bias_, kLnVisionEps);
  TraceDtype("image.ln_vision", tokens);
  tokens = tokens.slice(1, 1).reshape({tokens.size(0), tokens_per_image_, width * merge_});
  const torch::Tensor embeds =
      torch::linear(AsCompute(tokens, proj_weight_.scalar_type()), proj_weight_, proj_bias_);
  TraceDtype("image.llama_proj", embeds);
  return embeds;
}

}  // namespace vleval
