// Parity of the libtorch MiniGPT-v2 with the plain-PyTorch reference of
// scripts/make-tiny-minigptv2 (a tiny random model of the same architecture,
// saved in the three official file formats): first-step logits within 1e-4
// of the logits' scale, identical greedy tokens and prompt ids, candidate
// NLLs within 1e-4 relative, and batch invariance (1 vs 7 rows).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "model/minigptv2/image_encoder.h"
#include "model/minigptv2/llama_model.h"
#include "model/minigptv2/lora_merge.h"
#include "model/minigptv2_backend.h"
#include "model/tokenizer/prompt_assembly.h"
#include "model/weights/converted_minigptv2.h"
#include "model/weights/minigptv2_files.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

namespace fs = std::filesystem;

class MiniGptV2Parity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (testing::RunCommand("/usr/bin/python3 -c 'import torch'").exit_code != 0 ||
        !testing::HaveProgram("spm_train")) {
      skip_reason_ = "/usr/bin/python3 with torch, or spm_train, is absent";
      return;
    }
    dir_ = new testing::TempDir();
    // A failure here is recorded and reported by SetUp as a test failure:
    // googletest would otherwise mark every test of the suite as skipped.
    const auto run = testing::RunCommand((testing::SourceDir() / "scripts" / "make-tiny-minigptv2").string() +
                                         " " + dir_->path().string());
    if (run.exit_code != 0) {
      setup_error_ = "scripts/make-tiny-minigptv2 failed: " + run.err;
      return;
    }
    auto reference = ReadJsonFile(dir_->path() / "reference.json");
    if (!reference) {
      setup_error_ = reference.error().message;
      return;
    }
    reference_ = new nlohmann::json(std::move(*reference));
    try {
      auto backend = LoadMiniGptV2Backend(Options());
      if (!backend) {
        setup_error_ = backend.error().message;
        return;
      }
      backend_ = backend->release();
    } catch (const std::exception& e) {
      setup_error_ = std::string("loading the tiny model threw: ") + e.what();
    }
  }
  static void TearDownTestSuite() {
    delete backend_;
    delete reference_;
    delete dir_;
  }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << "skipped: " << skip_reason_;
    ASSERT_TRUE(setup_error_.empty()) << setup_error_;
    ASSERT_NE(backend_, nullptr);
  }

  static MiniGptV2BackendOptions Options() {
    const fs::path d = dir_->path();
    return {d / "llama",
            d / "eva_vit_g.pth",
            d / "checkpoint.pth",
            testing::SourceDir() / "configs" / "models" / "minigptv2-tiny.json",
            "cpu",
            "float32",
            {}};
  }
  static image::ChwFloatImage Image(const nlohmann::json& reference_case) {
    const int side = (*reference_)["image_size"].get<int>();
    image::ChwFloatImage image{side, side, std::vector<float>(3u * side * side)};
    std::ifstream in(dir_->path() / reference_case["image"].get<std::string>(), std::ios::binary);
    in.read(reinterpret_cast<char*>(image.values.data()),
            static_cast<std::streamsize>(image.values.size() * sizeof(float)));
    return image;
  }
  static const nlohmann::json& Cases() { return (*reference_)["cases"]; }

  static inline testing::TempDir* dir_ = nullptr;
  static inline nlohmann::json* reference_ = nullptr;
  static inline MiniGptV2Backend* backend_ = nullptr;
  static inline std::string skip_reason_;
  static inline std::string setup_error_;
};

TEST_F(MiniGptV2Parity, FirstStepLogitsMatchThePythonReferenceWithin1e4) {
  const fs::path d = dir_->path();
  auto weights = LoadMiniGptV2Files({d / "llama", d / "eva_vit_g.pth", d / "checkpoint.pth"});
  ASSERT_TRUE(weights) << weights.error().message;
  auto arch = LoadMiniGptV2Architecture(Options().model_config);
  ASSERT_TRUE(arch) << arch.error().message;
  const TensorSource checkpoint{&weights->checkpoint, "checkpoint.pth"};
  ASSERT_TRUE(MergeLora(weights->llama, "llama", checkpoint, *arch, 3));
  auto llama = LlamaModel::Build({&weights->llama, "llama"}, weights->llama_config, "config.json", {});
  ASSERT_TRUE(llama) << llama.error().message;
  auto encoder = ImageEncoder::Build({&weights->vit, "vit"}, checkpoint, *arch, llama->hidden_size(), {});
  ASSERT_TRUE(encoder) << encoder.error().message;
  auto tokenizer = SentencePieceTokenizer::Load(weights->tokenizer_model);
  ASSERT_TRUE(tokenizer) << tokenizer.error().message;
  torch::NoGradGuard no_grad;
  for (const auto& reference_case : Cases()) {
    const auto image = Image(reference_case);
    const auto image_embeds = encoder->Encode(
        torch::from_blob(const_cast<float*>(image.values.data()), {1, 3, image.height, image.width}));
    auto prompt = AssemblePrompt(*tokenizer, reference_case["prompt"].get<std::string>());
    ASSERT_TRUE(prompt);
    auto ids = [](const std::vector<int32_t>& v) {
      return torch::tensor(std::vector<int64_t>(v.begin(), v.end()), torch::kInt64);
    };
    const auto context = torch::cat(
        {llama->Embed(ids(prompt->before_image)), image_embeds[0], llama->Embed(ids(prompt->after_image))});
    const int64_t length = context.size(0);
    KvCache cache = llama->NewCache(1, length);
    const auto logits =
        llama->Logits(llama->Forward(context.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                     torch::ones({1, length}, torch::kBool), cache))[0][length - 1];
    const auto expected_values = reference_case["first_logits"].get<std::vector<float>>();
    const auto expected = torch::tensor(expected_values);
    ASSERT_EQ(logits.size(0), expected.size(0));
    const double scale = expected.abs().max().item<double>();
    const double worst = (logits - expected).abs().max().item<double>();
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.3g", worst / scale);
    RecordProperty("max_abs_logit_diff_over_scale", ratio);
    EXPECT_LE(worst, 1e-4 * scale);
  }
}

// The reduced-precision path CUDA runs (weights and activations in bf16, norms
// and softmax in float32) also runs on CPU, close to the fp32 logits.
TEST_F(MiniGptV2Parity, Bfloat16PathStaysCloseToTheReferenceLogits) {
  const fs::path d = dir_->path();
  auto weights = LoadMiniGptV2Files({d / "llama", d / "eva_vit_g.pth", d / "checkpoint.pth"});
  ASSERT_TRUE(weights) << weights.error().message;
  auto arch = LoadMiniGptV2Architecture(Options().model_config);
  ASSERT_TRUE(arch);
  const TensorSource checkpoint{&weights->checkpoint, "checkpoint.pth"};
  ASSERT_TRUE(MergeLora(weights->llama, "llama", checkpoint, *arch, 3));
  const TensorPlacement bf16{torch::kCPU, torch::kBFloat16};
  auto llama = LlamaModel::Build({&weights->llama, "llama"}, weights->llama_config, "config.json", bf16);
  ASSERT_TRUE(llama) << llama.error().message;
  auto encoder = ImageEncoder::Build({&weights->vit, "vit"}, checkpoint, *arch, llama->hidden_size(), bf16);
  ASSERT_TRUE(encoder) << encoder.error().message;
  auto tokenizer = SentencePieceTokenizer::Load(weights->tokenizer_model);
  ASSERT_TRUE(tokenizer);
  torch::NoGradGuard no_grad;
  const auto& reference_case = Cases()[0];
  const auto image = Image(reference_case);
  const auto image_embeds = encoder->Encode(
      torch::from_blob(const_cast<float*>(image.values.data()), {1, 3, image.height, image.width}));
  auto prompt = AssemblePrompt(*tokenizer, reference_case["prompt"].get<std::string>());
  ASSERT_TRUE(prompt);
  auto ids = [](const std::vector<int32_t>& v) {
    return torch::tensor(std::vector<int64_t>(v.begin(), v.end()), torch::kInt64);
  };
  const auto context = torch::cat(
      {llama->Embed(ids(prompt->before_image)), image_embeds[0], llama->Embed(ids(prompt->after_image))});
  const int64_t length = context.size(0);
  KvCache cache = llama->NewCache(1, length);
  const auto logits =
      llama->Logits(llama->Forward(context.unsqueeze(0), torch::arange(length).unsqueeze(0),
                                   torch::ones({1, length}, torch::kBool), cache))[0][length - 1];
  EXPECT_EQ(logits.scalar_type(), torch::kFloat32);
  const auto expected = torch::tensor(reference_case["first_logits"].get<std::vector<float>>());
  const double worst = (logits - expected).abs().max().item<double>();
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.3g", worst / expected.abs().max().item<double>());
  RecordProperty("bf16_max_abs_logit_diff_over_scale", ratio);
  EXPECT_LE(worst, 0.05 * expected.abs().max().item<double>());
}

TEST_F(MiniGptV2Parity, GreedyTokensAndPromptIdsMatchThePythonReference) {
  std::vector<image::ChwFloatImage> images;
  for (const auto& c : Cases()) images.push_back(Image(c));
  std::vector<PreparedGenerateRequest> batch;
  for (size_t i = 0; i < images.size(); ++i) {
    batch.push_back(
        {&images[i], Cases()[i]["prompt"].get<std::string>(), Cases()[i]["max_new_tokens"].get<int>()});
  }
  auto results = backend_->GeneratePrepared(batch);
  ASSERT_TRUE(results) << results.error().message;
  for (size_t i = 0; i < images.size(); ++i) {
    EXPECT_EQ((*results)[i].token_ids, Cases()[i]["greedy_token_ids"].get<std::vector<int32_t>>()) << i;
    EXPECT_EQ((*results)[i].prompt_token_ids, Cases()[i]["prompt_token_ids"].get<std::vector<int32_t>>())
        << i;
  }
}

TEST_F(MiniGptV2Parity, CandidateNllMatchesThePythonReferenceWithin1e4Relative) {
  const auto image = Image(Cases()[0]);
  std::vector<PreparedScoreRequest> batch;
  for (const auto& c : Cases()) {
    batch.push_back(
        {&image, c["prompt"].get<std::string>(), c["candidates"].get<std::vector<std::string>>()});
  }
  auto results = backend_->ScorePrepared(std::span(batch).first(1));
  ASSERT_TRUE(results) << results.error().message;
  const auto expected = Cases()[0]["candidates_nll"].get<std::vector<double>>();
  ASSERT_EQ((*results)[0].candidates_nll.size(), expected.size());
  for (size_t c = 0; c < expected.size(); ++c) {
    EXPECT_NEAR((*results)[0].candidates_nll[c], expected[c], 1e-4 * std::abs(expected[c])) << c;
    EXPECT_LT((*results)[0].first_token_logprob[c], 0.0);
  }
}

TEST_F(MiniGptV2Parity, BatchOfSevenGivesTheSameTokensAsOneAtATime) {
  std::vector<image::ChwFloatImage> images;
  for (const auto& c : Cases()) images.push_back(Image(c));
  std::vector<PreparedGenerateRequest> batch;
  for (int i = 0; i < 7; ++i) {
    const auto k = static_cast<size_t>(i) % images.size();
    batch.push_back({&images[(k + i / 3) % images.size()], Cases()[k]["prompt"].get<std::string>(), 4 + i});
  }
  auto together = backend_->GeneratePrepared(batch);
  ASSERT_TRUE(together) << together.error().message;
  for (size_t i = 0; i < batch.size(); ++i) {
    auto alone = backend_->GeneratePrepared(std::span(batch).subspan(i, 1));
    ASSERT_TRUE(alone) << alone.error().message;
    EXPECT_EQ((*alone)[0].token_ids, (*together)[i].token_ids) << "row " << i;
    EXPECT_EQ((*alone)[0].text, (*together)[i].text) << "row " << i;
  }
}

// All candidates of a batch of prompts run in one pass over the shared
// prompt prefix: the same NLLs as each prompt alone.
TEST_F(MiniGptV2Parity, BatchedCandidateScoringEqualsOnePromptAtATime) {
  std::vector<image::ChwFloatImage> images;
  for (const auto& c : Cases()) images.push_back(Image(c));
  std::vector<PreparedScoreRequest> batch;
  for (size_t i = 0; i < images.size(); ++i) {
    auto candidates = Cases()[i]["candidates"].get<std::vector<std::string>>();
    candidates.resize(candidates.size() - i % 2);  // different counts per prompt
    batch.push_back({&images[i], Cases()[i]["prompt"].get<std::string>(), candidates});
  }
  auto together = backend_->ScorePrepared(batch);
  ASSERT_TRUE(together) << together.error().message;
  for (size_t i = 0; i < batch.size(); ++i) {
    auto alone = backend_->ScorePrepared(std::span(batch).subspan(i, 1));
    ASSERT_TRUE(alone) << alone.error().message;
    ASSERT_EQ((*together)[i].candidates_nll.size(), batch[i].candidates.size());
    for (size_t c = 0; c < batch[i].candidates.size(); ++c) {
      EXPECT_NEAR((*together)[i].candidates_nll[c], (*alone)[0].candidates_nll[c],
                  1e-5 * std::abs((*alone)[0].candidates_nll[c]))
          << i << "/" << c;
    }
  }
  const auto expected = Cases()[0]["candidates_nll"].get<std::vector<double>>();
  for (size_t c = 0; c < expected.size(); ++c)
    EXPECT_NEAR((*together)[0].candidates_nll[c], expected[c], 1e-4 * std::abs(expected[c])) << c;
}

// HM's p_yes comes from the generate pass: the same value a separate
// candidate-scoring pass gives, and the same tokens as without it.
TEST_F(MiniGptV2Parity, FirstTokenProbabilityFromGenerationEqualsTheScoringPass) {
  const auto image = Image(Cases()[1]);
  const std::string prompt = Cases()[1]["prompt"].get<std::string>();
  PreparedGenerateRequest request{&image, prompt, Cases()[1]["max_new_tokens"].get<int>()};
  request.first_token_texts = {"yes", "no"};
  auto generated = backend_->GeneratePrepared(std::span(&request, 1));
  ASSERT_TRUE(generated) << generated.error().message;
  const PreparedScoreRequest scoring{&image, prompt, {"yes", "no"}};
  auto scored = backend_->ScorePrepared(std::span(&scoring, 1));
  ASSERT_TRUE(scored) << scored.error().message;
  ASSERT_EQ((*generated)[0].first_token_logprob.size(), 2u);
  for (size_t k = 0; k < 2; ++k)
    EXPECT_NEAR((*generated)[0].first_token_logprob[k], (*scored)[0].first_token_logprob[k], 1e-5) << k;
  EXPECT_EQ((*generated)[0].token_ids, Cases()[1]["greedy_token_ids"].get<std::vector<int32_t>>());
}

// A request keyed like one of the previous call reuses its image embeddings:
// its first-step log-probabilities are those of that image, not of the
// pixels it is handed now; a new key encodes the pixels it is handed.
TEST_F(MiniGptV2Parity, KeyedImageEmbeddingsOfThePreviousCallAreReused) {
  const auto image = Image(Cases()[0]);
  const image::ChwFloatImage blank{image.height, image.width, std::vector<float>(image.values.size(), 0.0f)};
  const std::string prompt = Cases()[0]["prompt"].get<std::string>();
  auto first_step = [&](const image::ChwFloatImage& pixels, uint64_t key) {
    PreparedGenerateRequest request{&pixels, prompt, 2};
    request.first_token_texts = {"yes", "no"};
    request.image_key = key;
    auto result = backend_->GeneratePrepared(std::span(&request, 1));
    EXPECT_TRUE(result) << result.error().message;
    return result ? (*result)[0].first_token_logprob : std::vector<double>{};
  };
  const auto of_image = first_step(image, 7001);
  const auto reused = first_step(blank, 7001);
  const auto of_blank = first_step(blank, 7002);
  const auto unkeyed = first_step(blank, 0);
  ASSERT_EQ(of_image.size(), 2u);
  ASSERT_NE(of_image, of_blank) << "precondition: the blank image must change the log-probabilities";
  EXPECT_EQ(reused, of_image);
  EXPECT_EQ(unkeyed, of_blank);
}

TEST_F(MiniGptV2Parity, BadRequestsAreErrorsNamingTheRequest) {
  const auto image = Image(Cases()[0]);
  const image::ChwFloatImage small{28, 28, std::vector<float>(3 * 28 * 28)};
  const std::vector<PreparedGenerateRequest> no_marker = {{&image, "<s>[INST] hi [/INST]", 4}};
  auto result = backend_->GeneratePrepared(no_marker);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("request 0: prompt has no <ImageHere>"), std::string::npos);
  const std::vector<PreparedGenerateRequest> wrong_size = {{&image, "<ImageHere>", 4},
                                                           {&small, "<ImageHere>", 4}};
  result = backend_->GeneratePrepared(wrong_size);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("request 1: image is 3x28x28"), std::string::npos);
}

TEST_F(MiniGptV2Parity, ConvertedFileGivesTheReferenceTokens) {
  const fs::path converted = dir_->path() / "converted.safetensors";
  ASSERT_TRUE(ConvertMiniGptV2(
                  {dir_->path() / "llama", dir_->path() / "eva_vit_g.pth", dir_->path() / "checkpoint.pth"},
                  converted)
                  .ok());
  MiniGptV2BackendOptions options = Options();
  options.llama_dir.clear();
  options.vit_path.clear();
  options.checkpoint_path.clear();
  options.converted_path = converted;
  auto backend = LoadMiniGptV2Backend(options);
  ASSERT_TRUE(backend) << backend.error().message;
  const auto image = Image(Cases()[0]);
  const std::vector<PreparedGenerateRequest> request = {
      {&image, Cases()[0]["prompt"].get<std::string>(), Cases()[0]["max_new_tokens"].get<int>()}};
  auto result = (*backend)->GeneratePrepared(request);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ((*result)[0].token_ids, Cases()[0]["greedy_token_ids"].get<std::vector<int32_t>>());
}

TEST_F(MiniGptV2Parity, HalfPrecisionOnCpuIsRefused) {
  auto options = Options();
  options.dtype = "float16";
  auto backend = LoadMiniGptV2Backend(options);
  ASSERT_FALSE(backend);
  EXPECT_EQ(backend.error().message, "dtype float16 needs a CUDA device; CPU runs float32 or bfloat16");
}

}  // namespace
}  // namespace vleval
