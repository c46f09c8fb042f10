// The sentencepiece side of libvleval_spm_shim.so (see spm_shim.h).
#include "model/tokenizer/spm_shim.h"

#include <sentencepiece_processor.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

struct vleval_spm {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

void CopyMessage(const std::string& message, char* error, size_t capacity) {
  if (error == nullptr || capacity == 0) return;
  const size_t length = std::min(message.size(), capacity - 1);
  std::memcpy(error, message.data(), length);
  error[length] = '\0';
}

}  // namespace

extern "C" {

vleval_spm* vleval_spm_load(const char* model_path, char* error, size_t error_capacity) {
  auto* handle = new vleval_spm;
  const auto status = handle->processor.Load(model_path);
  if (!status.ok()) {
    CopyMessage(status.ToString(), error, error_capacity);
    delete handle;
    return nullptr;
  }
  return handle;
}

void vleval_spm_free(vleval_spm* handle) { delete handle; }

long vleval_spm_encode(const vleval_spm* handle, const char* text, size_t length, int32_t* ids,
                       size_t capacity) {
  std::vector<int> pieces;
  const auto status = handle->processor.Encode(std::string_view(text, length), &pieces);
  if (!status.ok()) return -1;
  for (size_t i = 0; i < pieces.size() && i < capacity; ++i) ids[i] = pieces[i];
  return static_cast<long>(pieces.size());
}

long vleval_spm_decode(const vleval_spm* handle, const int32_t* ids, size_t count, char* text,
                       size_t capacity) {
  std::vector<int> pieces(ids, ids + count);
  std::string decoded;
  const auto status = handle->processor.Decode(pieces, &decoded);
  if (!status.ok()) return -1;
  // The contract (spm_shim.h) returns bytes without a terminating NUL.
  if (decoded.size() <= capacity)
    std::memcpy(text, decoded.data(), decoded.size());  // NOLINT(bugprone-not-null-terminated-result)
  return static_cast<long>(decoded.size());
}

long vleval_spm_vocab_size(const vleval_spm* handle) { return handle->processor.GetPieceSize(); }

long vleval_spm_piece_to_id(const vleval_spm* handle, const char* piece, size_t length) {
  return handle->processor.PieceToId(std::string_view(piece, length));
}

}  // extern "C"
