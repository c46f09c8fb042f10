#include "model/tokenizer/prompt_assembly.h"

#include <algorithm>

namespace vleval {
namespace {

constexpr std::string_view kImageMarker = "<ImageHere>";

void Append(std::vector<int32_t>& to, const std::vector<int32_t>& ids) {
  to.insert(to.end(), ids.begin(), ids.end());
}

std::string_view Strip(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

std::vector<int32_t> EncodeWithSpecialTokens(const SentencePieceTokenizer& tokenizer, std::string_view text,
                                             const SpecialTokenIds& special) {
  std::vector<int32_t> ids;
  while (!text.empty()) {
    const auto bos = text.find("<s>");
    const auto eos = text.find("</s>");
    const auto cut = std::min(bos, eos);
    if (cut == std::string_view::npos) {
      Append(ids, tokenizer.Encode(text));
      break;
    }
    if (cut > 0) Append(ids, tokenizer.Encode(text.substr(0, cut)));
    const bool is_bos = cut == bos;
    ids.push_back(is_bos ? special.bos : special.eos);
    text.remove_prefix(cut + (is_bos ? 3 : 4));
  }
  return ids;
}

Result<AssembledPrompt> AssemblePrompt(const SentencePieceTokenizer& tokenizer, std::string_view prompt,
                                       const SpecialTokenIds& special) {
  const auto marker = prompt.find(kImageMarker);
  if (marker == std::string_view::npos) {
    return Error{"prompt has no <ImageHere>: \"" + std::string(prompt) + "\""};
  }
  if (prompt.find(kImageMarker, marker + 1) != std::string_view::npos) {
    return Error{"prompt has more than one <ImageHere>: \"" + std::string(prompt) + "\""};
  }
  AssembledPrompt assembled;
  assembled.before_image.push_back(special.bos);
  Append(assembled.before_image, EncodeWithSpecialTokens(tokenizer, prompt.substr(0, marker), special));
  assembled.after_image =
      EncodeWithSpecialTokens(tokenizer, prompt.substr(marker + kImageMarker.size()), special);
  return assembled;
}

std::string DecodeAnswer(const SentencePieceTokenizer& tokenizer, std::span<const int32_t> ids,
                         const SpecialTokenIds& special) {
  std::vector<int32_t> kept;
  for (int32_t id : ids) {
    if (id != kUnknownId && id != special.bos && id != special.eos) kept.push_back(id);
  }
  std::string text = tokenizer.Decode(kept);
  if (auto end = text.find("</s>"); end != std::string::npos) text.resize(end);
  for (auto at = text.find("<s>"); at != std::string::npos; at = text.find("<s>")) text.erase(at, 3);
  if (auto inst = text.rfind("[/INST]"); inst != std::string::npos) text.erase(0, inst + 7);
  return std::string(Strip(text));
}

}  // namespace vleval
