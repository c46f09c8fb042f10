#include "model/openai/openai_backend.h"

#include <cmath>

#include "core/json_file.h"
#include "model/openai/chat_json.h"
#include "model/openai/endpoint_url.h"

namespace vleval::openai {
namespace {

Error RequestError(std::size_t index, const std::string& message) {
  return Error{"request " + std::to_string(index) + ": " + message};
}

Status CheckImage(std::size_t index, const ImageInput* image) {
  if (!image || !image->file_bytes || image->file_bytes->empty())
    return RequestError(index, "no image file bytes to send");
  if (image->mime_type.empty()) return RequestError(index, "the image has no MIME type");
  return {};
}

}  // namespace

HttpClientOptions ClientOptions(const OpenAiSettings& settings) {
  HttpClientOptions options;
  options.concurrency = settings.concurrency;
  options.request_timeout_s = settings.timeout_s;
  options.connect_timeout_s = settings.connect_timeout_s;
  options.retry.max_attempts = settings.max_attempts;
  options.bearer_token = ApiKeyFromEnvironment(settings);
  return options;
}

Result<std::unique_ptr<OpenAiBackend>> OpenAiBackend::Open(const OpenAiSettings& settings) {
  auto client = HttpClient::Create(ClientOptions(settings));
  if (!client) return client.error();
  return std::unique_ptr<OpenAiBackend>(new OpenAiBackend(settings, std::move(*client)));
}

Result<std::vector<GenerateResult>> OpenAiBackend::Generate(std::span<const GenerateRequest> batch) {
  const std::string url = JoinUrl(settings_.endpoint, "chat/completions");
  std::vector<HttpRequest> posts;
  posts.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const GenerateRequest& request = batch[i];
    if (auto image = CheckImage(i, request.image); !image) return Error{image.message()};
    ChatCall call;
    call.model = settings_.model;
    call.image_mime = request.image->mime_type;
    call.image_bytes = *request.image->file_bytes;
    call.text = request.task_text;
    call.max_tokens = request.max_new_tokens;
    if (!request.first_token_texts.empty()) {
      if (settings_.top_logprobs == 0)
        return RequestError(i, "first-token probabilities need logprobs (--top-logprobs above 0)");
      call.top_logprobs = settings_.top_logprobs;
    }
    posts.push_back({url, ChatCompletionBody(call)});
  }
  auto replies = client_->SendAll(posts);
  if (const auto failed = client_->last_failure())
    return RequestError(*failed, replies[*failed].error().message);
  std::vector<GenerateResult> results(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!replies[i]) return RequestError(i, replies[i].error().message);
    auto answer = ParseChatCompletion(replies[i]->body);
    if (!answer) return RequestError(i, "POST " + UrlWithoutCredentials(url) + ": " + answer.error().message);
    results[i].text = std::move(answer->text);
    for (const std::string& text : batch[i].first_token_texts) {
      const auto logprob = FirstTokenLogprob(*answer, text);
      if (!logprob) {
        return RequestError(i, "POST " + UrlWithoutCredentials(url) +
                                   ": the answer has no logprobs for its first token (the server does not "
                                   "return them? --top-logprobs 0 gives up first-token probabilities)");
      }
      results[i].first_token_logprob.push_back(*logprob);
    }
  }
  return results;
}

Result<std::vector<ScoreResult>> OpenAiBackend::ScoreCandidates(std::span<const ScoreRequest> batch) {
  if (settings_.score_candidates != "completions")
    return Error{"candidate scoring is off for this backend (--score-candidates none)"};
  const std::string url = JoinUrl(settings_.endpoint, "completions");
  // One POST per candidate, every candidate of the batch in flight together.
  std::vector<HttpRequest> posts;
  std::vector<std::size_t> offsets, owners;  // per post: the candidate's offset, its request
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].candidates.empty()) return RequestError(i, "no candidates");
    for (const std::string& candidate : batch[i].candidates) {
      if (candidate.empty()) return RequestError(i, "an empty candidate");
      posts.push_back({url, CompletionsEchoBody(settings_.model, batch[i].prompt + " " + candidate)});
      offsets.push_back(batch[i].prompt.size());
      owners.push_back(i);
    }
  }
  auto replies = client_->SendAll(posts);
  if (const auto failed = client_->last_failure())
    return RequestError(owners[*failed], replies[*failed].error().message);
  std::vector<ScoreResult> results(batch.size());
  std::size_t post = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    for (std::size_t c = 0; c < batch[i].candidates.size(); ++c, ++post) {
      if (!replies[post]) return RequestError(i, replies[post].error().message);
      auto score = ParseCompletionsEchoScore(replies[post]->body, offsets[post]);
      if (!score) return RequestError(i, "POST " + UrlWithoutCredentials(url) + ": " + score.error().message);
      results[i].candidates_nll.push_back(score->nll);
      results[i].first_token_logprob.push_back(score->first_token_logprob);
    }
  }
  return results;
}

Result<nlohmann::json> ServerModel(const OpenAiSettings& settings) {
  auto options = ClientOptions(settings);
  options.concurrency = 1;
  auto client = HttpClient::Create(options);
  if (!client) return client.error();
  const std::string url = JoinUrl(settings.endpoint, "models");
  HttpRequest get{url, "", true, true};
  auto reply = std::move((*client)->SendAll(std::span(&get, 1)).front());
  if (!reply) return reply.error();
  if (reply->status == 404 || reply->status == 405) return nlohmann::json(nullptr);
  if (reply->status < 200 || reply->status >= 300)
    return Error{"GET " + UrlWithoutCredentials(url) + ": HTTP " + std::to_string(reply->status) + ": " +
                 TextPreview(reply->body, 300)};
  auto listing = ParseStrictJson(reply->body, "GET " + UrlWithoutCredentials(url));
  if (!listing) return listing.error();
  std::string listed;
  if (listing->is_object() && listing->contains("data") && (*listing)["data"].is_array()) {
    for (const auto& entry : (*listing)["data"]) {
      if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) continue;
      const std::string id = entry["id"].get<std::string>();
      if (id == settings.model) {
        nlohmann::json model = {{"id", id}};
        if (entry.contains("root") && entry["root"].is_string()) model["root"] = entry["root"];
        return model;
      }
      listed += (listed.empty() ? "" : ", ") + TextPreview(id, 80);
    }
  }
  return Error{"GET " + UrlWithoutCredentials(url) + ": the server does not serve model '" + settings.model +
               "' (--model)" + (listed.empty() ? std::string() : "; it serves: " + listed)};
}

}  // namespace vleval::openai
