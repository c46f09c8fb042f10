// The LLaMA decoder: decoding step by step with the key/value cache gives the
// logits of one full pass, left padding changes nothing, and bad weights or
// configs are errors naming the file and tensor.
#include "model/minigptv2/llama_model.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

constexpr int64_t kHidden = 8, kFfn = 12, kVocab = 20;

nlohmann::json Config() {
  return {{"hidden_size", kHidden},    {"num_hidden_layers", 2}, {"num_attention_heads", 2},
          {"intermediate_size", kFfn}, {"vocab_size", kVocab},   {"rms_norm_eps", 1e-5}};
}

std::map<std::string, torch::Tensor> Weights() {
  torch::manual_seed(7);
  std::map<std::string, torch::Tensor> w = {{"model.embed_tokens.weight", torch::randn({kVocab, kHidden})},
                                            {"model.norm.weight", torch::rand({kHidden}) + 0.5},
                                            {"lm_head.weight", torch::randn({kVocab, kHidden})}};
  for (int layer = 0; layer < 2; ++layer) {
    const std::string p = "model.layers." + std::to_string(layer) + ".";
    for (const char* name : {"q_proj", "k_proj", "v_proj", "o_proj"}) {
      w[p + "self_attn." + name + ".weight"] = torch::randn({kHidden, kHidden}) * 0.4;
    }
    w[p + "mlp.gate_proj.weight"] = torch::randn({kFfn, kHidden}) * 0.4;
    w[p + "mlp.up_proj.weight"] = torch::randn({kFfn, kHidden}) * 0.4;
    w[p + "mlp.down_proj.weight"] = torch::randn({kHidden, kFfn}) * 0.3;
    w[p + "input_layernorm.weight"] = torch::rand({kHidden}) + 0.5;
    w[p + "post_attention_layernorm.weight"] = torch::rand({kHidden}) + 0.5;
  }
  return w;
}

TEST(LlamaModel, CachedStepByStepDecodingEqualsOneFullPass) {
  const auto weights = Weights();
  auto model = LlamaModel::Build({&weights, "llama"}, Config(), "config.json", {});
  ASSERT_TRUE(model) << model.error().message;
  torch::NoGradGuard no_grad;
  const torch::Tensor embeds = model->Embed(torch::tensor({3, 5, 7, 11, 13}, torch::kInt64)).unsqueeze(0);
  KvCache full_cache = model->NewCache(1, 5);
  const torch::Tensor full = model->Logits(
      model->Forward(embeds, torch::arange(5).unsqueeze(0), torch::ones({1, 5}, torch::kBool), full_cache));
  KvCache cache = model->NewCache(1, 5);
  model->Forward(embeds.slice(1, 0, 3), torch::arange(3).unsqueeze(0), torch::ones({1, 5}, torch::kBool),
                 cache);
  for (int64_t t = 3; t < 5; ++t) {
    const torch::Tensor step =
        model->Logits(model->Forward(embeds.slice(1, t, t + 1), torch::full({1, 1}, t, torch::kInt64),
                                     torch::ones({1, 5}, torch::kBool), cache));
    EXPECT_TRUE(torch::allclose(step[0][0], full[0][t], 1e-5, 1e-5)) << "step " << t;
  }
  EXPECT_EQ(cache.length(), 5);
}

TEST(LlamaModel, LeftPaddingWithMaskedKeysDoesNotChangeTheLogits) {
  const auto weights = Weights();
  auto model = LlamaModel::Build({&weights, "llama"}, Config(), "config.json", {});
  ASSERT_TRUE(model);
  torch::NoGradGuard no_grad;
  const torch::Tensor embeds = model->Embed(torch::tensor({3, 5, 7}, torch::kInt64)).unsqueeze(0);
  KvCache plain_cache = model->NewCache(1, 3), padded_cache = model->NewCache(1, 5);
  const torch::Tensor plain = model->Logits(
      model->Forward(embeds, torch::arange(3).unsqueeze(0), torch::ones({1, 3}, torch::kBool), plain_cache));
  const torch::Tensor padded_embeds = torch::cat({torch::zeros({1, 2, kHidden}), embeds}, 1);
  const torch::Tensor padded =
      model->Logits(model->Forward(padded_embeds, torch::tensor({{1, 1, 0, 1, 2}}),
                                   torch::tensor({{false, false, true, true, true}}), padded_cache));
  EXPECT_TRUE(torch::allclose(padded[0].slice(0, 2), plain[0], 1e-5, 1e-5));
}

TEST(LlamaModel, MissingTensorIsAnErrorNamingFileAndTensor) {
  auto weights = Weights();
  weights.erase("model.layers.1.mlp.up_proj.weight");
  auto model = LlamaModel::Build({&weights, "/m/llama"}, Config(), "config.json", {});
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().message, "/m/llama: tensor 'model.layers.1.mlp.up_proj.weight' is missing");
}

TEST(LlamaModel, TensorOfAnotherShapeIsAnError) {
  auto weights = Weights();
  weights["lm_head.weight"] = torch::zeros({kVocab, kHidden + 1});
  auto model = LlamaModel::Build({&weights, "/m/llama"}, Config(), "config.json", {});
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().message, "/m/llama: tensor 'lm_head.weight' has shape [20, 9], expected [20, 8]");
}

TEST(LlamaModel, ConfigWithoutSizesOrWithGroupedQueriesIsRejected) {
  const auto weights = Weights();
  auto config = Config();
  config.erase("vocab_size");
  auto missing = LlamaModel::Build({&weights, "llama"}, config, "config.json", {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "config.json: 'vocab_size' must be a positive integer");
  config = Config();
  config["num_key_value_heads"] = 1;
  auto grouped = LlamaModel::Build({&weights, "llama"}, config, "config.json", {});
  ASSERT_FALSE(grouped);
  EXPECT_NE(grouped.error().message.find("grouped-query attention"), std::string::npos);
}

}  // namespace
}  // namespace vleval
