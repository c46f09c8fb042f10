#include "model/openai/endpoint_url.h"

namespace vleval::openai {

std::string UrlWithoutCredentials(std::string_view url) {
  const std::size_t cut = url.find_first_of("?#");
  if (cut != std::string_view::npos) url = url.substr(0, cut);
  const std::size_t scheme = url.find("://");
  const std::size_t authority = scheme == std::string_view::npos ? 0 : scheme + 3;
  const std::size_t path = url.find('/', authority);
  const std::string_view host_part =
      url.substr(authority, path == std::string_view::npos ? url.npos : path - authority);
  const std::size_t at = host_part.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, authority)) + std::string(url.substr(authority + at + 1));
}

std::string JoinUrl(std::string_view endpoint, std::string_view path) {
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.remove_suffix(1);
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return std::string(endpoint) + "/" + std::string(path);
}

}  // namespace vleval::openai
