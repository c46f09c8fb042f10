// Throughput of `--backend openai` against a loopback server that answers
// every request after 50 ms: samples/s at concurrency 1, 8 and 32, through
// OpenAiBackend::Generate called as the harness calls it (one batch per
// call, a 64 KiB image per request sent as a data: URL), next to the ideal
// min(concurrency, batch) / 50 ms and the speed-up over concurrency 1
// measured in the same run. Batches: --batch N samples, or (0, the default)
// the backend's preferred batch size (its concurrency).
//
//   build/release/bench/bench_openai [--latency-ms 50] [--seconds 3] [--batch N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "model/openai/openai_backend.h"
#include "tests/support/loopback_http_server.h"

namespace {

using vleval::testing::LoopbackHttpServer;
using vleval::testing::ReceivedRequest;
using vleval::testing::ScriptedAnswer;

double Run(const std::string& endpoint, int concurrency, int batch, int samples,
           const vleval::ImageInput& image) {
  vleval::openai::OpenAiSettings settings;
  settings.endpoint = endpoint;
  settings.model = "bench";
  settings.concurrency = concurrency;
  auto backend = vleval::openai::OpenAiBackend::Open(settings);
  if (!backend) {
    std::fprintf(stderr, "bench_openai: %s\n", backend.error().message.c_str());
    std::exit(1);
  }
  std::vector<vleval::GenerateRequest> requests;
  requests.reserve(batch);
  for (int i = 0; i < batch; ++i)
    requests.emplace_back(&image, "[vqa] question " + std::to_string(i), "", 10);
  const auto start = std::chrono::steady_clock::now();
  for (int done = 0; done < samples; done += batch) {
    auto results = (*backend)->Generate(requests);
    if (!results) {
      std::fprintf(stderr, "bench_openai: %s\n", results.error().message.c_str());
      std::exit(1);
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int sent = (samples + batch - 1) / batch * batch;
  return sent / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  double latency_ms = 50, seconds = 3;
  int batch_option = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--latency-ms") == 0) latency_ms = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--batch") == 0) batch_option = std::atoi(argv[i + 1]);
  }
  const std::string answer = R"({"id":"b","object":"chat.completion","model":"bench","choices":[{"index":0,)"
                             R"("message":{"role":"assistant","content":"yes"},"finish_reason":"stop"}]})";
  LoopbackHttpServer server([&](const ReceivedRequest&, int) {
    auto reply = ScriptedAnswer::Json(answer);
    reply.delay_s = latency_ms / 1000.0;
    return reply;
  });
  if (server.port() <= 0) {
    std::fprintf(stderr, "bench_openai: cannot listen on 127.0.0.1\n");
    return 1;
  }
  vleval::ImageInput image;
  std::string bytes(64 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 2654435761u) >> 13);
  image.file_bytes = std::make_shared<const std::string>(std::move(bytes));
  image.mime_type = "image/jpeg";
  std::printf("server latency %.0f ms, 64 KiB image per request\n", latency_ms);
  std::printf("%-12s %6s %10s %12s %10s %12s\n", "concurrency", "batch", "samples", "samples/s", "ideal",
              "vs c=1");
  double base = 0;
  for (const int concurrency : {1, 8, 32}) {
    const int batch = batch_option > 0 ? batch_option : concurrency;
    const double ideal = std::min(concurrency, batch) * 1000.0 / latency_ms;
    const int samples = std::max(batch, static_cast<int>(ideal * seconds) / batch * batch);
    const double rate = Run(server.Url("/v1"), concurrency, batch, samples, image);
    if (concurrency == 1) base = rate;
    std::printf("%-12d %6d %10d %12.1f %10.1f %11.2fx\n", concurrency, batch, samples, rate, ideal,
                rate / base);
  }
  return 0;
}
