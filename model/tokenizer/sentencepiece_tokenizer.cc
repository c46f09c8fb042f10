#include "model/tokenizer/sentencepiece_tokenizer.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

#include "core/locations.h"
#include "model/tokenizer/spm_shim.h"

namespace vleval {
namespace {

// Function table of the dlopen'ed shim; filled once per process.
struct ShimApi {
  decltype(&vleval_spm_load) load = nullptr;
  decltype(&vleval_spm_free) free = nullptr;
  decltype(&vleval_spm_encode) encode = nullptr;
  decltype(&vleval_spm_decode) decode = nullptr;
  decltype(&vleval_spm_vocab_size) vocab_size = nullptr;
  decltype(&vleval_spm_piece_to_id) piece_to_id = nullptr;
};

constexpr const char* kShimName = "libvleval_spm_shim.so";

// RTLD_DEEPBIND makes the shim's sentencepiece bind to its own protobuf.
// AddressSanitizer refuses DEEPBIND (google/sanitizers#611), so sanitizer
// builds load the shim without it; their processes then rely on symbol order.
#ifdef VLEVAL_SANITIZED_BUILD
constexpr int kShimOpenFlags = RTLD_NOW | RTLD_LOCAL;
#else
constexpr int kShimOpenFlags = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#endif

std::vector<std::string> ShimCandidates() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("VLEVAL_SPM_SHIM"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  if (auto exe_dir = ExecutableDir(); !exe_dir.empty()) {
    candidates.push_back((exe_dir / kShimName).string());
    candidates.push_back((exe_dir.parent_path() / "lib" / kShimName).string());
  }
  candidates.emplace_back(VLEVAL_SPM_SHIM_BUILD_PATH);
  return candidates;
}

template <typename Fn>
bool Bind(void* library, const char* name, Fn* slot) {
  *slot = reinterpret_cast<Fn>(dlsym(library, name));
  return *slot != nullptr;
}

Result<const ShimApi*> LoadShim() {
  static std::once_flag once;
  static ShimApi api;
  static std::string failure;
  std::call_once(once, [] {
    std::string tried;
    for (const auto& path : ShimCandidates()) {
      void* library = dlopen(path.c_str(), kShimOpenFlags);
      if (library == nullptr) {
        tried += "\n  " + path + ": " + dlerror();
        continue;
      }
      const bool bound = Bind(library, "vleval_spm_load", &api.load) &&
                         Bind(library, "vleval_spm_free", &api.free) &&
                         Bind(library, "vleval_spm_encode", &api.encode) &&
                         Bind(library, "vleval_spm_decode", &api.decode) &&
                         Bind(library, "vleval_spm_vocab_size", &api.vocab_size) &&
                         Bind(library, "vleval_spm_piece_to_id", &api.piece_to_id);
      if (bound) return;
      tried += "\n  " + path + ": missing vleval_spm_* symbols";
    }
    failure = "cannot load the sentencepiece shim " + std::string(kShimName) +
              " (set VLEVAL_SPM_SHIM); tried:" + tried;
  });
  if (!failure.empty()) return Error{failure};
  return &api;
}

}  // namespace

struct SentencePieceTokenizer::Handle {
  const ShimApi* api = nullptr;
  vleval_spm* spm = nullptr;
  ~Handle() {
    if (spm != nullptr) api->free(spm);
  }
};

Result<SentencePieceTokenizer> SentencePieceTokenizer::Load(const std::filesystem::path& model_path) {
  auto api = LoadShim();
  if (!api) return api.error();
  char error[512] = {0};
  vleval_spm* spm = (*api)->load(model_path.c_str(), error, sizeof error);
  if (spm == nullptr) {
    return Error{"cannot load tokenizer model " + model_path.string() + ": " + error};
  }
  auto handle = std::make_shared<Handle>();
  handle->api = *api;
  handle->spm = spm;
  return SentencePieceTokenizer(std::move(handle));
}

std::vector<int32_t> SentencePieceTokenizer::Encode(std::string_view text) const {
  std::vector<int32_t> ids(text.size() + 8);
  for (;;) {
    const long needed = handle_->api->encode(handle_->spm, text.data(), text.size(), ids.data(), ids.size());
    if (needed < 0) return {};
    if (static_cast<std::size_t>(needed) <= ids.size()) {
      ids.resize(static_cast<std::size_t>(needed));
      return ids;
    }
    ids.resize(static_cast<std::size_t>(needed));
  }
}

std::string SentencePieceTokenizer::Decode(std::span<const int32_t> ids) const {
  std::string text(ids.size() * 8 + 16, '\0');
  for (;;) {
    const long needed = handle_->api->decode(handle_->spm, ids.data(), ids.size(), text.data(), text.size());
    if (needed < 0) return {};
    if (static_cast<std::size_t>(needed) <= text.size()) {
      text.resize(static_cast<std::size_t>(needed));
      return text;
    }
    text.resize(static_cast<std::size_t>(needed));
  }
}

int32_t SentencePieceTokenizer::VocabSize() const {
  return static_cast<int32_t>(handle_->api->vocab_size(handle_->spm));
}

int32_t SentencePieceTokenizer::PieceToId(std::string_view piece) const {
  return static_cast<int32_t>(handle_->api->piece_to_id(handle_->spm, piece.data(), piece.size()));
}

}  // namespace vleval
