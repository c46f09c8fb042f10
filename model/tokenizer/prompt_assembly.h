// MiniGPT-v2's prompt tokenisation and answer decoding, as its official code
// does them with transformers 4.30's slow (legacy) LlamaTokenizer:
// - the prompt is split at "<ImageHere>"; each text piece is encoded on its
//   own (so each gets sentencepiece's dummy prefix "▁");
// - inside a piece, the literal texts "<s>" and "</s>" become the BOS and EOS
//   ids and the text between them is encoded separately;
// - the first piece also gets the added BOS, so "<s>[INST] ..." starts 1, 1;
// - decoding drops the unknown, BOS and EOS ids, cuts at "</s>", keeps the
//   text after the last "[/INST]" and strips surrounding whitespace.
// The BOS and EOS ids come from the model config's "special_tokens"
// (SpecialTokenIds; LLaMA-2's 1 and 2 by default).
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

struct SpecialTokenIds {
  int32_t bos = 1;  // "<s>"
  int32_t eos = 2;  // "</s>"
};

struct AssembledPrompt {
  std::vector<int32_t> before_image;  // starts with the added BOS
  std::vector<int32_t> after_image;
};

// Legacy HF encoding of `text` without the added BOS: "<s>"/"</s>" -> 1/2.
std::vector<int32_t> EncodeWithSpecialTokens(const SentencePieceTokenizer& tokenizer, std::string_view text,
                                             const SpecialTokenIds& special = {});

// Errors when `prompt` holds no or several "<ImageHere>".
Result<AssembledPrompt> AssemblePrompt(const SentencePieceTokenizer& tokenizer, std::string_view prompt,
                                       const SpecialTokenIds& special = {});

// The answer text of generated `ids`, post-processed as the official code does.
std::string DecodeAnswer(const SentencePieceTokenizer& tokenizer, std::span<const int32_t> ids,
                         const SpecialTokenIds& special = {});

}  // namespace vleval
