/* C interface of libvleval_spm_shim.so, the only object that links
 * sentencepiece. Debian's libsentencepiece carries protobuf 3.14 while
 * libtorch loads protobuf 3.21; linking both into one process crashes at
 * start-up. The shim is loaded with dlopen(RTLD_NOW | RTLD_LOCAL |
 * RTLD_DEEPBIND) so its protobuf symbols bind to its own copy.
 *
 * Buffers: functions that fill a caller buffer return the number of elements
 * the full answer needs; when that exceeds `capacity` nothing useful was
 * written and the caller retries with a larger buffer. Negative returns are
 * errors, with a message in `error` (NUL-terminated, truncated to
 * `error_capacity`). Handles are not thread-safe for concurrent Load/Free;
 * Encode/Decode on one handle are safe to call from several threads. */
#ifndef VLEVAL_MODEL_TOKENIZER_SPM_SHIM_H_
#define VLEVAL_MODEL_TOKENIZER_SPM_SHIM_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vleval_spm vleval_spm;

/* Loads a sentencepiece model file; NULL on failure (message in `error`). */
vleval_spm* vleval_spm_load(const char* model_path, char* error, size_t error_capacity);
void vleval_spm_free(vleval_spm* handle);

/* Encodes UTF-8 `text` (`length` bytes) to ids, with the model's own
 * normalisation and dummy prefix; no BOS/EOS are added. */
long vleval_spm_encode(const vleval_spm* handle, const char* text, size_t length, int32_t* ids,
                       size_t capacity);

/* Decodes ids to UTF-8 text (no terminating NUL counted or required). */
long vleval_spm_decode(const vleval_spm* handle, const int32_t* ids, size_t count, char* text,
                       size_t capacity);

/* Vocabulary size; id of a piece (the unknown id when absent). */
long vleval_spm_vocab_size(const vleval_spm* handle);
long vleval_spm_piece_to_id(const vleval_spm* handle, const char* piece, size_t length);

#ifdef __cplusplus
}
#endif

#endif /* VLEVAL_MODEL_TOKENIZER_SPM_SHIM_H_ */
