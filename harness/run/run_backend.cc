#include "harness/run/run_backend.h"

#include <algorithm>
#include <vector>

#include "harness/run/digest_cache.h"
#include "harness/run/model_prediction_source.h"
#include "harness/run/replay_prediction_source.h"
#include "model/minigptv2_backend.h"

namespace vleval {
namespace {

// {"name": <file or folder name>, "sha256": <digest of its bytes; of a
// folder: of its regular files' bytes in sorted-name order>}.
Result<nlohmann::json> DescribeFile(const std::string& option, const std::filesystem::path& path,
                                    const DigestCache& cache) {
  std::error_code error;
  if (path.empty()) return Error{"--" + option + " is required for the minigptv2 backend"};
  if (!std::filesystem::exists(path, error))
    return Error{"--" + option + " " + path.string() + ": no such file"};
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path, error)) {
    for (const auto& item : std::filesystem::recursive_directory_iterator(path, error)) {
      if (item.is_regular_file()) files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  auto digest = cache.Sha256OfFiles(files);
  if (!digest) return Error{"--" + option + ": " + digest.error().message};
  return nlohmann::json{{"name", path.filename().string()}, {"sha256", *digest}};
}

// The dtype the run uses: the one asked for, else the device's default.
std::string Dtype(const BackendChoice& choice) {
  return choice.dtype.empty() ? DefaultDtype(choice.device) : choice.dtype;
}

}  // namespace

Result<nlohmann::json> DescribeBackend(const BackendChoice& choice) {
  const DigestCache cache(choice.digest_cache);
  nlohmann::json files = nlohmann::json::object();
  if (choice.backend == "replay") {
    auto replay = DescribeFile("replay", choice.replay, cache);
    if (!replay) return replay.error();
    files["replay"] = *replay;
    return nlohmann::json{{"backend", "replay"}, {"files", files}};
  }
  if (choice.backend != "minigptv2")
    return Error{"--backend '" + choice.backend + "': expected minigptv2 or replay"};
  std::vector<std::pair<const char*, const std::filesystem::path*>> inputs = {
      {"llama", &choice.llama_dir}, {"vit", &choice.vit_path}, {"checkpoint", &choice.checkpoint_path}};
  // A converted file carries its tokenizer beside it, named as
  // model/weights/converted_minigptv2.h does: <file stem>.tokenizer.model.
  const auto converted_tokenizer =
      std::filesystem::path(choice.converted).replace_extension(".tokenizer.model");
  if (!choice.converted.empty()) {
    if (!choice.llama_dir.empty() || !choice.vit_path.empty() || !choice.checkpoint_path.empty()) {
      return Error{"--converted replaces --llama, --vit and --checkpoint: give it alone"};
    }
    inputs = {{"converted", &choice.converted}, {"converted-tokenizer", &converted_tokenizer}};
  }
  for (const auto& [option, path] : inputs) {
    auto described = DescribeFile(option, *path, cache);
    if (!described) return described.error();
    files[option] = *described;
  }
  if (!choice.model_config.empty()) {
    auto described = DescribeFile("model-config", choice.model_config, cache);
    if (!described) return described.error();
    files["model_config"] = *described;
  }
  return nlohmann::json{
      {"backend", "minigptv2"}, {"files", files}, {"device", choice.device}, {"dtype", Dtype(choice)}};
}

Result<OpenedBackend> OpenBackend(const BackendChoice& choice) {
  OpenedBackend opened;
  if (choice.backend == "replay") {
    auto replay = ReplayPredictionSource::Open(choice.replay);
    if (!replay) return replay.error();
    opened.source = std::make_unique<ReplayPredictionSource>(std::move(*replay));
    return opened;
  }
  MiniGptV2BackendOptions options;
  options.llama_dir = choice.llama_dir;
  options.vit_path = choice.vit_path;
  options.checkpoint_path = choice.checkpoint_path;
  options.converted_path = choice.converted;
  options.model_config = choice.model_config;
  options.device = choice.device;
  options.dtype = Dtype(choice);
  auto model = LoadMiniGptV2Backend(options);
  if (!model) return model.error();
  opened.model = std::move(*model);
  opened.source = std::make_unique<ModelPredictionSource>(*opened.model);
  return opened;
}

}  // namespace vleval
