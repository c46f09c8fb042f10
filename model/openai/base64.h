// Standard base64 (RFC 4648, "+/" alphabet, "=" padding), for the image
// data: URLs of the OpenAI-compatible backend.
#pragma once

#include <string>
#include <string_view>

namespace vleval::openai {

// The base64 text of `bytes` (4 characters per 3 bytes, padded).
std::string Base64Encode(std::string_view bytes);

// "data:<mime_type>;base64,<Base64Encode(bytes)>".
std::string DataUrl(std::string_view mime_type, std::string_view bytes);

}  // namespace vleval::openai
