#include "model/weights/converted_minigptv2.h"

#include <torch/torch.h>

#include "core/output_target.h"
#include "model/weights/file_digest.h"
#include "model/weights/llama_folder.h"
#include "model/weights/safetensors_file.h"

namespace vleval {
namespace {

constexpr std::pair<const char*, NamedTensors MiniGptV2Weights::*> kParts[] = {
    {"vit.", &MiniGptV2Weights::vit},
    {"llama.", &MiniGptV2Weights::llama},
    {"checkpoint.", &MiniGptV2Weights::checkpoint},
};

std::filesystem::path TokenizerBeside(const std::filesystem::path& out) {
  auto path = out;
  return path.replace_extension(".tokenizer.model");
}

}  // namespace

Status ConvertMiniGptV2(const MiniGptV2Files& files, const std::filesystem::path& out) {
  for (const auto& target : {out, TokenizerBeside(out)}) {
    if (auto status = CheckOutputTarget(target); !status) return status;
  }
  auto weights = LoadMiniGptV2Files(files);
  if (!weights) return weights.error();
  auto llama = ReadLlamaFolder(files.llama_dir);  // for its file list; tensors are mapped, not copied
  if (!llama) return llama.error();
  std::vector<std::filesystem::path> llama_files = {files.llama_dir / "config.json"};
  llama_files.insert(llama_files.end(), llama->weight_files.begin(), llama->weight_files.end());
  std::map<std::string, std::string> metadata = {
      {"format", kConvertedFormat},
      {"llama_config", weights->llama_config.dump()},
      {"tokenizer_model", TokenizerBeside(out).filename().string()}};
  const std::pair<const char*, std::vector<std::filesystem::path>> sources[] = {
      {"sha256.llama", llama_files},
      {"sha256.vit", {files.vit_path}},
      {"sha256.checkpoint", {files.checkpoint_path}}};
  for (const auto& [key, paths] : sources) {
    auto digest = Sha256OfFiles(paths);
    if (!digest) return digest.error();
    metadata[key] = *digest;
  }
  NamedTensors all;
  for (const auto& [prefix, member] : kParts) {
    for (const auto& [name, tensor] : (*weights).*member) all.emplace(prefix + name, tensor);
  }
  if (auto status = WriteSafetensors(out, all, metadata); !status) return status;
  // Copied beside under a temporary name, then renamed (never written
  // through an existing file).
  const auto tokenizer = TokenizerBeside(out);
  const auto partial = std::filesystem::path(tokenizer.string() + ".partial");
  std::error_code copied;
  std::filesystem::remove(partial, copied);
  std::filesystem::copy_file(weights->tokenizer_model, partial, copied);
  if (!copied) std::filesystem::rename(partial, tokenizer, copied);
  if (copied) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    return Error{tokenizer.string() + ": cannot copy the tokenizer: " + copied.message()};
  }
  return {};
}

Result<MiniGptV2Weights> LoadConvertedMiniGptV2(const std::filesystem::path& converted) {
  auto contents = ReadSafetensors(converted);
  if (!contents) return contents.error();
  const auto format = contents->metadata.find("format");
  if (format == contents->metadata.end() || format->second != kConvertedFormat) {
    return Error{converted.string() + ": not a file written by `vleval convert` (metadata format is not " +
                 kConvertedFormat + ")"};
  }
  MiniGptV2Weights weights;
  weights.llama_config = nlohmann::json::parse(contents->metadata["llama_config"], nullptr, false);
  if (!weights.llama_config.is_object())
    return Error{converted.string() + ": metadata llama_config is not a JSON object"};
  weights.tokenizer_model = converted.parent_path() / contents->metadata["tokenizer_model"];
  if (!std::filesystem::is_regular_file(weights.tokenizer_model)) {
    return Error{weights.tokenizer_model.string() + ": missing (the tokenizer written beside " +
                 converted.filename().string() + ")"};
  }
  for (auto& [name, tensor] : contents->tensors) {
    for (const auto& [prefix, member] : kParts) {
      if (name.rfind(prefix, 0) == 0)
        (weights.*member).emplace(name.substr(std::strlen(prefix)), std::move(tensor));
    }
  }
  const std::string where = converted.string();
  if (auto status =
          CheckMiniGptV2Weights(weights, where + " [llama.]", where + " [vit.]", where + " [checkpoint.]");
      !status) {
    return Error{status.message()};
  }
  return weights;
}

}  // namespace vleval
