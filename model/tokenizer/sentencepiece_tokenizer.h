// SentencePieceTokenizer: LLaMA's tokenizer.model, loaded through the
// libvleval_spm_shim.so C interface (see spm_shim.h for why sentencepiece may
// not be linked directly). Usable in processes that also run libtorch.
//
// The shim is found, in order, at $VLEVAL_SPM_SHIM, next to the running
// executable, in <exe>/../lib, and at the build-tree path recorded at
// compile time. It is loaded once per process and never unloaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vleval {

class SentencePieceTokenizer {
 public:
  // Loads `model_path`. Errors name the file, or every shim path tried.
  static Result<SentencePieceTokenizer> Load(const std::filesystem::path& model_path);

  // Plain sentencepiece encoding of `text` (model normaliser, dummy prefix),
  // without BOS/EOS and without treating "<s>" as special: the caller splits
  // special tokens out first, as HF's legacy slow tokenizer does.
  // Thread-safe.
  std::vector<int32_t> Encode(std::string_view text) const;

  // sentencepiece Decode of `ids` (control ids render as ""). Thread-safe.
  std::string Decode(std::span<const int32_t> ids) const;

  int32_t VocabSize() const;
  // Id of `piece`, or the unknown id (0 for LLaMA) when absent.
  int32_t PieceToId(std::string_view piece) const;

 private:
  struct Handle;
  explicit SentencePieceTokenizer(std::shared_ptr<Handle> handle) : handle_(std::move(handle)) {}
  std::shared_ptr<Handle> handle_;
};

}  // namespace vleval
