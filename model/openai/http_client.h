// POSTs of JSON bodies (and GETs) over libcurl's multi interface: up to `concurrency`
// requests in flight on keep-alive connections (one connection cache for
// the client's lifetime), each attempt bounded by the timeouts, transient
// failures retried as retry_policy.h says.
//
// The bearer token goes into the Authorization header only: no message,
// log or outcome of this client ever contains it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/openai/retry_policy.h"

namespace vleval::openai {

struct HttpClientOptions {
  int concurrency = 8;             // requests in flight at once (>= 1)
  double connect_timeout_s = 10;   // per attempt, to open a connection
  double request_timeout_s = 300;  // per attempt, the whole exchange
  RetryPolicy retry;
  std::string bearer_token;  // empty: no Authorization header
  // Seeds the backoff jitter (delays only, never outputs); 0: a random seed,
  // so that clients started together do not retry in step.
  uint64_t jitter_seed = 0;
  // A response body larger than this fails the attempt (a runaway server).
  std::size_t max_response_bytes = 64u << 20;
};

struct HttpRequest {
  std::string url;   // e.g. "http://127.0.0.1:8000/v1/chat/completions"
  std::string body;  // POSTed as application/json
  bool get = false;  // true: a GET (the body is ignored)
  // True: a final status outside 2xx (a 404) is a reply, not an error.
  bool any_final_status = false;
};

struct HttpReply {
  long status = 0;   // a 2xx status (or a final one, see any_final_status)
  std::string body;  // the response body
  int attempts = 0;  // attempts made, this one included
};

class HttpClient {
 public:
  // Errors: libcurl could not be set up.
  static Result<std::unique_ptr<HttpClient>> Create(const HttpClientOptions& options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends every request, at most `concurrency` at once, and returns one outcome
  // per post in the order given. An outcome is an error when its last
  // attempt failed (retries exhausted: "... after N attempts: <what the
  // last one got>") or was final (a 4xx other than 429: the status and a
  // preview of the server's message). After the first error no new post is
  // started and those in flight are abandoned; each of them gets an error
  // saying so. Not thread-safe: one call at a time.
  std::vector<Result<HttpReply>> SendAll(std::span<const HttpRequest> posts);

  // The index of the post whose failure stopped the last SendAll (the
  // others got "not completed" errors); nullopt when none failed.
  std::optional<std::size_t> last_failure() const { return last_failure_; }

  // Attempts since creation, retries included (for tests and benches).
  uint64_t attempts_made() const { return attempts_made_; }

 private:
  struct Impl;
  explicit HttpClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  uint64_t attempts_made_ = 0;
  std::optional<std::size_t> last_failure_;
};

}  // namespace vleval::openai
