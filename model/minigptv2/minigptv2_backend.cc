// MiniGptV2Backend: the ModelBackend for MiniGPT-v2 in libtorch, a thin
// wrapper over MiniGptV2Engine (model/minigptv2/engine.h) that prepares the
// requests' images (model/minigptv2/image_preparation.h) and turns libtorch
// exceptions (CUDA out of memory included) into errors naming the batch.
#include "model/minigptv2_backend.h"

#include "model/minigptv2/engine.h"
#include "model/minigptv2/image_preparation.h"

namespace vleval {
namespace {

// The error for an exception thrown inside the model while serving `what`.
Error ModelFailure(const std::string& what, const std::exception& e) {
  std::string message = e.what();
  const auto newline = message.find('\n');  // libtorch appends a C++ backtrace
  if (newline != std::string::npos) message.resize(newline);
  const bool out_of_memory = message.find("out of memory") != std::string::npos;
  return Error{what + ": the model failed: " + message +
               (out_of_memory ? " (try a smaller --batch-size)" : "")};
}

std::string BatchName(size_t size) { return "batch of " + std::to_string(size) + " requests"; }

template <typename Request>
std::vector<const ImageInput*> ImagesOf(std::span<const Request> batch) {
  std::vector<const ImageInput*> images;
  images.reserve(batch.size());
  for (const auto& request : batch) images.push_back(request.image);
  return images;
}

class TorchMiniGptV2Backend final : public MiniGptV2Backend {
 public:
  TorchMiniGptV2Backend(MiniGptV2Engine engine, ImagePreparation preparation)
      : engine_(std::move(engine)), preparation_(preparation) {}

  int image_size() const override { return engine_.architecture().image_size; }
  BackendCapabilities capabilities() const override { return {true, true, true}; }

  Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) override {
    auto images = PrepareImages(preparation_, ImagesOf(batch));
    if (!images) return images.error();
    std::vector<PreparedGenerateRequest> prepared;
    prepared.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      PreparedGenerateRequest request{&(*images)[i], batch[i].prompt, batch[i].max_new_tokens};
      request.first_token_texts = batch[i].first_token_texts;
      request.image_key = batch[i].image_key;
      prepared.push_back(std::move(request));
    }
    return GeneratePrepared(prepared);
  }

  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) override {
    auto images = PrepareImages(preparation_, ImagesOf(batch));
    if (!images) return images.error();
    std::vector<PreparedScoreRequest> prepared;
    prepared.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i)
      prepared.push_back({&(*images)[i], batch[i].prompt, batch[i].candidates});
    return ScorePrepared(prepared);
  }

  Result<std::vector<GenerateResult>> GeneratePrepared(
      std::span<const PreparedGenerateRequest> batch) override {
    try {
      return engine_.Generate(batch);
    } catch (const std::exception& e) {
      engine_.ForgetImages();
      return ModelFailure(BatchName(batch.size()), e);
    }
  }

  Result<std::vector<ScoreResult>> ScorePrepared(std::span<const PreparedScoreRequest> batch) override {
    try {
      return engine_.ScoreCandidates(batch);
    } catch (const std::exception& e) {
      return ModelFailure(BatchName(batch.size()), e);
    }
  }

 private:
  MiniGptV2Engine engine_;
  ImagePreparation preparation_;
};

}  // namespace

Result<std::unique_ptr<MiniGptV2Backend>> LoadMiniGptV2Backend(const MiniGptV2BackendOptions& options) {
  try {
    auto engine = MiniGptV2Engine::Load(options);
    if (!engine) return engine.error();
    auto preparation = LoadImagePreparation(options.model_config, engine->architecture().image_size);
    if (!preparation) return preparation.error();
    if (preparation->size != engine->architecture().image_size) {
      return Error{options.model_config.string() + ": image.size " + std::to_string(preparation->size) +
                   " differs from the architecture's image_size " +
                   std::to_string(engine->architecture().image_size)};
    }
    return std::unique_ptr<MiniGptV2Backend>(
        std::make_unique<TorchMiniGptV2Backend>(std::move(*engine), *preparation));
  } catch (const std::exception& e) {
    return ModelFailure("loading MiniGPT-v2", e);
  }
}

}  // namespace vleval
