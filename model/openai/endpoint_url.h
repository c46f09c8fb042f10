// The endpoint URL as it may be shown: in run.json, messages and logs.
#pragma once

#include <string>
#include <string_view>

namespace vleval::openai {

// `url` without user information ("user:secret@") and without query string
// or fragment (where keys are sometimes passed): "https://u:p@host/v1?key=k"
// -> "https://host/v1".
std::string UrlWithoutCredentials(std::string_view url);

// `endpoint` + "/" + `path` with exactly one slash between them
// ("http://h/v1/" + "chat/completions").
std::string JoinUrl(std::string_view endpoint, std::string_view path);

}  // namespace vleval::openai
