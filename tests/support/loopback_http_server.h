// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests and
// benches of HTTP clients: it reads each request (Content-Length bodies,
// keep-alive), records it, and answers what a script says, faults included:
// a status with headers and a body after a delay, a connection reset (RST),
// a connection closed without an answer, or no answer until the server
// stops. One thread per connection; the script is called concurrently.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vleval::testing {

struct ReceivedRequest {
  std::string method, target;                  // "POST", "/v1/chat/completions"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  int connection = 0;  // 1 for the first accepted connection, 2 for the next...
};

struct ScriptedAnswer {
  enum class Kind { kReply, kReset, kClose, kHang };
  Kind kind = Kind::kReply;
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Length is added
  std::string body;
  double delay_s = 0;  // before answering (or resetting, closing)

  static ScriptedAnswer Json(std::string body, int status = 200) {
    ScriptedAnswer answer;
    answer.status = status;
    answer.body = std::move(body);
    answer.headers = {{"Content-Type", "application/json"}};
    return answer;
  }
  static ScriptedAnswer Fault(Kind kind, double delay_s = 0) {
    ScriptedAnswer answer;
    answer.kind = kind;
    answer.delay_s = delay_s;
    return answer;
  }
};

class LoopbackHttpServer {
 public:
  // `script` gets each request (and its 0-based arrival number) and says
  // what to answer. Aborts the test (gtest failure + no port) when the
  // socket cannot be opened: check port() > 0.
  using Script = std::function<ScriptedAnswer(const ReceivedRequest&, int arrival)>;
  explicit LoopbackHttpServer(Script script);
  ~LoopbackHttpServer();  // stops: closes every connection, wakes delayed and hung answers
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" + suffix.
  std::string Url(const std::string& suffix = "") const;

  std::vector<ReceivedRequest> requests() const;  // in arrival order
  int connections() const { return connections_.load(); }

 private:
  void AcceptLoop();
  void Serve(int fd, int connection);
  // Sleeps up to `seconds`; false when the server is stopping.
  bool Wait(double seconds);

  Script script_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  std::vector<ReceivedRequest> requests_;
  std::vector<int> open_fds_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace vleval::testing
