// MiniGptV2Backend: the ModelBackend for MiniGPT-v2 in libtorch, a thin
// wrapper over MiniGptV2Engine (model/minigptv2/engine.h) that turns
// libtorch exceptions (CUDA out of memory included) into errors naming the
// batch.
#include "model/minigptv2_backend.h"

#include "model/minigptv2/engine.h"

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

class MiniGptV2Backend final : public ModelBackend {
 public:
  explicit MiniGptV2Backend(MiniGptV2Engine engine) : engine_(std::move(engine)) {}

  int image_size() const override { return engine_.architecture().image_size; }

  Result<std::vector<GenerateResult>> Generate(std::span<const GenerateRequest> batch) override {
    try {
      return engine_.Generate(batch);
    } catch (const std::exception& e) {
      engine_.ForgetImages();
      return ModelFailure(BatchName(batch.size()), e);
    }
  }

  Result<std::vector<ScoreResult>> ScoreCandidates(std::span<const ScoreRequest> batch) override {
    try {
      return engine_.ScoreCandidates(batch);
    } catch (const std::exception& e) {
      return ModelFailure(BatchName(batch.size()), e);
    }
  }

 private:
  MiniGptV2Engine engine_;
};

}  // namespace

std::string DefaultDtype(const std::string& device) { return device == "cpu" ? "float32" : "float16"; }

Result<std::unique_ptr<ModelBackend>> LoadMiniGptV2Backend(const MiniGptV2BackendOptions& options) {
  try {
    auto engine = MiniGptV2Engine::Load(options);
    if (!engine) return engine.error();
    return std::unique_ptr<ModelBackend>(std::make_unique<MiniGptV2Backend>(std::move(*engine)));
  } catch (const std::exception& e) {
    return ModelFailure("loading MiniGPT-v2", e);
  }
}

}  // namespace vleval
