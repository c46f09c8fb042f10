// MiniGPT-v2's prompt tokenisation and answer decoding, as its official code
// does them with transformers 4.30's slow (legacy) LlamaTokenizer:
// - the prompt is split at "<ImageHere>"; each text piece is encoded on its
//   own (so each gets sentencepiece's dummy prefix "▁");
// - inside a piece, the literal texts "<s>" and "</s>" become ids 1 and 2 and
//   the text between them is encoded separately;
// - the first piece also gets the added BOS, so "<s>[INST] ..." starts 1, 1;
// - decoding drops ids 0-2, cuts at "</s>", keeps the text after the last
//   "[/INST]" and strips surrounding whitespace.
// Torch-free. Thread-safe (the tokenizer is).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/tokenizer/sentencepiece_tokenizer.h"

namespace vleval {

inline constexpr int32_t kUnknownId = 0;
inline constexpr int32_t kBosId = 1;
inline constexpr int32_t kEosId = 2;

struct AssembledPrompt {
  std::vector<int32_t> before_image;  // starts with the added BOS
  std::vector<int32_t> after_image;
};

// Legacy HF encoding of `text` without the added BOS: "<s>"/"</s>" -> 1/2.
std::vector<int32_t> EncodeWithSpecialTokens(const SentencePieceTokenizer& tokenizer, std::string_view text);

// Errors when `prompt` holds no or several "<ImageHere>".
Result<AssembledPrompt> AssemblePrompt(const SentencePieceTokenizer& tokenizer, std::string_view prompt);

// The answer text of generated `ids`, post-processed as the official code does.
std::string DecodeAnswer(const SentencePieceTokenizer& tokenizer, std::span<const int32_t> ids);

}  // namespace vleval
