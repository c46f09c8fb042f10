#include "model/openai/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include "core/json_file.h"
#include "model/openai/endpoint_url.h"

namespace vleval::openai {
namespace {

using Clock = std::chrono::steady_clock;

// Errors worth another attempt: the exchange broke, not the request.
bool TransientCurlError(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

// The server's own words for a failed request: OpenAI's {"error": {"message"}}
// (or {"error": "..."}, {"message": "..."}), else a prefix of the body.
std::string ServerMessage(const std::string& body) {
  if (auto json = ParseStrictJson(body, "response"); json && json->is_object()) {
    const auto error = json->find("error");
    if (error != json->end() && error->is_object()) {
      const auto message = error->find("message");
      if (message != error->end() && message->is_string())
        return TextPreview(message->get<std::string>(), 300);
    }
    if (error != json->end() && error->is_string()) return TextPreview(error->get<std::string>(), 300);
    const auto message = json->find("message");
    if (message != json->end() && message->is_string()) return TextPreview(message->get<std::string>(), 300);
  }
  return body.empty() ? "(empty body)" : TextPreview(body, 300);
}

struct Transfer {
  std::size_t index = 0;
  int attempt = 0;  // 1 for the first
  std::string body;
  std::string retry_after;
  bool too_big = false;
  std::size_t max_bytes = 0;
  char error[CURL_ERROR_SIZE] = {};
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->too_big = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

std::size_t ReadHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  constexpr std::string_view kName = "retry-after:";
  if (bytes > kName.size()) {
    std::string lower(data, kName.size());
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lower == kName) transfer->retry_after.assign(data + kName.size(), bytes - kName.size());
  }
  return bytes;
}

struct Waiting {
  Clock::time_point at;
  std::size_t index;
  int attempts;  // failed so far
};

}  // namespace

struct HttpClient::Impl {
  HttpClientOptions options;
  CURLM* multi = nullptr;
  curl_slist* headers = nullptr;
  std::vector<CURL*> idle;     // easy handles kept for reuse
  std::vector<CURL*> running;  // easy handles added to `multi`
  std::mt19937_64 rng;

  ~Impl() {
    while (!running.empty()) Remove(running.back());
    for (CURL* easy : idle) curl_easy_cleanup(easy);
    if (multi) curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
  }

  Result<CURL*> Easy() {
    if (!idle.empty()) {
      CURL* easy = idle.back();
      idle.pop_back();
      curl_easy_reset(easy);
      return easy;
    }
    CURL* easy = curl_easy_init();
    if (!easy) return Error{"libcurl: cannot create a transfer"};
    return easy;
  }

  // Starts attempt `transfer->attempt` of `post`.
  Status Start(const HttpRequest& post, std::unique_ptr<Transfer> transfer) {
    auto easy = Easy();
    if (!easy) return easy.error();
    CURL* e = *easy;
    transfer->max_bytes = options.max_response_bytes;
    curl_easy_setopt(e, CURLOPT_URL, post.url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    if (post.get) {
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(e, CURLOPT_POST, 1L);
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, post.body.data());
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post.body.size()));
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_s * 1000));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.request_timeout_s * 1000));
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, ReadHeader);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, transfer->error);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(e, CURLOPT_HEADERDATA, transfer.get());
    curl_easy_setopt(e, CURLOPT_PRIVATE, transfer.get());
    if (curl_multi_add_handle(multi, e) != CURLM_OK) {
      idle.push_back(e);
      return Error{"libcurl: cannot start a transfer"};
    }
    running.push_back(e);
    (void)transfer.release();  // owned through CURLOPT_PRIVATE until Remove
    return {};
  }

  // Removes a finished or abandoned transfer, returning its state.
  std::unique_ptr<Transfer> Remove(CURL* easy) {
    char* pointer = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &pointer);
    curl_multi_remove_handle(multi, easy);
    running.erase(std::find(running.begin(), running.end(), easy));
    idle.push_back(easy);
    return std::unique_ptr<Transfer>(reinterpret_cast<Transfer*>(pointer));
  }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpClient::~HttpClient() = default;

Result<std::unique_ptr<HttpClient>> HttpClient::Create(const HttpClientOptions& options) {
  static std::once_flag once;
  static CURLcode global = CURLE_OK;
  std::call_once(once, [] { global = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (global != CURLE_OK) return Error{std::string("libcurl: ") + curl_easy_strerror(global)};
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->options.concurrency = std::max(1, options.concurrency);
  impl->rng.seed(options.jitter_seed != 0 ? options.jitter_seed : std::random_device{}());
  impl->multi = curl_multi_init();
  if (!impl->multi) return Error{"libcurl: cannot create a multi handle"};
  const long connections = impl->options.concurrency;
  curl_multi_setopt(impl->multi, CURLMOPT_MAX_HOST_CONNECTIONS, connections);
  curl_multi_setopt(impl->multi, CURLMOPT_MAXCONNECTS, connections);
  impl->headers = curl_slist_append(impl->headers, "Content-Type: application/json");
  impl->headers = curl_slist_append(impl->headers, "Expect:");  // no 100-continue round trip
  if (!options.bearer_token.empty())
    impl->headers =
        curl_slist_append(impl->headers, ("Authorization: Bearer " + options.bearer_token).c_str());
  if (!impl->headers) return Error{"libcurl: cannot build the request headers"};
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

std::vector<Result<HttpReply>> HttpClient::SendAll(std::span<const HttpRequest> posts) {
  Impl& impl = *impl_;
  const std::size_t concurrency = static_cast<std::size_t>(impl.options.concurrency);
  auto where = [&](std::size_t index) {
    return (posts[index].get ? "GET " : "POST ") + UrlWithoutCredentials(posts[index].url);
  };
  // Per post: its reply, else its error; a post with neither was not completed.
  std::vector<HttpReply> replies(posts.size());
  std::vector<std::string> errors(posts.size());
  std::deque<std::pair<std::size_t, int>> ready;  // (index, failed attempts so far)
  for (std::size_t i = 0; i < posts.size(); ++i) ready.emplace_back(i, 0);
  std::vector<Waiting> waiting;
  std::size_t active = 0;
  bool failed = false;

  last_failure_.reset();
  auto fail = [&](std::size_t index, std::string message) {
    errors[index] = std::move(message);
    failed = true;
    if (!last_failure_) last_failure_ = index;
  };

  while (true) {
    const auto now = Clock::now();
    for (auto it = waiting.begin(); it != waiting.end();) {
      if (it->at <= now) {
        ready.emplace_back(it->index, it->attempts);
        it = waiting.erase(it);
      } else {
        ++it;
      }
    }
    while (!failed && active < concurrency && !ready.empty()) {
      auto [index, attempts] = ready.front();
      ready.pop_front();
      auto transfer = std::make_unique<Transfer>();
      transfer->index = index;
      transfer->attempt = attempts + 1;
      if (auto started = impl.Start(posts[index], std::move(transfer)); !started) {
        fail(index, where(index) + ": " + started.message());
        break;
      }
      ++active;
      ++attempts_made_;
    }
    if (failed || (active == 0 && ready.empty() && waiting.empty())) break;

    int running = 0;
    curl_multi_perform(impl.multi, &running);
    bool finished_any = false;
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(impl.multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      const CURLcode code = message->data.result;
      CURL* easy = message->easy_handle;
      long status = 0;
      if (code == CURLE_OK) curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      auto transfer = impl.Remove(easy);
      --active;
      finished_any = true;
      const std::size_t index = transfer->index;
      const int attempt = transfer->attempt;
      AttemptVerdict verdict;
      std::string what;
      if (code == CURLE_OK) {
        verdict = Classify(status);
        what = "HTTP " + std::to_string(status) + ": " + ServerMessage(transfer->body);
      } else if (transfer->too_big) {
        verdict = AttemptVerdict::kFinal;
        what = "the response is larger than " + std::to_string(impl.options.max_response_bytes) + " bytes";
      } else {
        verdict = TransientCurlError(code) ? AttemptVerdict::kRetry : AttemptVerdict::kFinal;
        what = curl_easy_strerror(code);
        if (transfer->error[0] != '\0') what += std::string(" (") + transfer->error + ")";
      }
      if (verdict == AttemptVerdict::kSuccess ||
          (verdict == AttemptVerdict::kFinal && code == CURLE_OK && posts[index].any_final_status)) {
        replies[index] = HttpReply{status, std::move(transfer->body), attempt};
      } else if (verdict == AttemptVerdict::kRetry && attempt < impl.options.retry.max_attempts) {
        std::optional<double> retry_after;
        if (!transfer->retry_after.empty() && (status == 429 || status == 503))
          retry_after = ParseRetryAfter(transfer->retry_after, std::chrono::system_clock::now());
        const double delay = RetryDelay(impl.options.retry, attempt, retry_after, impl.rng);
        waiting.push_back(
            {Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)),
             index, attempt});
      } else if (verdict == AttemptVerdict::kRetry) {
        fail(index, where(index) + ": " + what + " (gave up after " + std::to_string(attempt) + " attempts)");
      } else {
        fail(index, where(index) + ": " + what);
      }
    }
    if (finished_any) continue;
    int timeout_ms = 1000;
    for (const auto& wait : waiting) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wait.at - Clock::now()).count();
      timeout_ms = std::clamp(static_cast<int>(ms) + 1, 0, timeout_ms);
    }
    if (active == 0 && !waiting.empty() && timeout_ms > 0) {
      // Nothing in flight: curl_multi_poll would return at once.
      std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
    } else {
      curl_multi_poll(impl.multi, nullptr, 0, timeout_ms, nullptr);
    }
  }

  // After a failure, what is still in flight is abandoned.
  while (!impl.running.empty()) impl.Remove(impl.running.back());
  std::vector<Result<HttpReply>> outcomes;
  outcomes.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (replies[i].attempts > 0) {
      outcomes.emplace_back(std::move(replies[i]));
    } else {
      outcomes.emplace_back(Error{errors[i].empty() ? where(i) + ": not completed: an earlier request failed"
                                                    : std::move(errors[i])});
    }
  }
  return outcomes;
}

}  // namespace vleval::openai
