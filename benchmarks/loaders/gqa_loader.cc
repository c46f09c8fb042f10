// GQA test-dev balanced: the official dict or the LAVIS list (see
// builtin_loaders.h). The dict is read in file order, as Python reads it.
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

struct GqaRecord {
  std::string id;
  std::string image;  // file name under the image folders
  std::string question;
  std::string answer;
};

// Official format: {"<qid>": {"imageId": "n161313", "question", "answer", ...}}.
Result<GqaRecord> FromOfficial(const std::string& key, const nlohmann::json& value, const std::string& file) {
  RecordReader record(value, file + ": question " + key);
  GqaRecord out{key, record.IdText("imageId") + ".jpg", record.String("question"), record.String("answer")};
  if (auto status = record.Finish(); !status) return Error{status.message()};
  return out;
}

// LAVIS format: [{"image": "n161313.jpg", "question", "answer", "question_id"}].
Result<GqaRecord> FromLavis(std::size_t index, const nlohmann::json& value, const std::string& file) {
  RecordReader record(value, file + ": [" + std::to_string(index) + "]");
  GqaRecord out{record.IdText("question_id"), record.String("image"), record.String("question"),
                record.String("answer")};
  if (auto status = record.Finish(); !status) return Error{status.message()};
  return out;
}

Result<LoadedSamples> LoadGqa(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto path = options.File("file", {"gqa/testdev_balanced_questions.json"});
  const auto image_dirs = options.ImageDirs({"gqa/images"});
  if (auto status = options.Finish(); !status) return Error{status.message()};

  auto text = ReadTextFile(path);
  if (!text) return text.error();
  // Strict first (depth limit, duplicate question ids are an error), then in
  // file order.
  if (auto strict = ParseStrictJson(*text, path.string()); !strict) return strict.error();
  nlohmann::ordered_json json;
  try {
    json = nlohmann::ordered_json::parse(*text);
  } catch (const nlohmann::json::exception& e) {
    return Error{path.string() + ": malformed JSON: " + TextPreview(e.what(), 240)};
  }
  if (!json.is_object() && !json.is_array()) {
    return Error{path.string() + ": expected the official dict or the LAVIS list, got " + json.type_name()};
  }
  LoadedSamples loaded;
  loaded.files = {path};
  std::size_t index = 0;
  for (const auto& item : json.items()) {
    auto record = json.is_object() ? FromOfficial(item.key(), nlohmann::json(item.value()), path.string())
                                   : FromLavis(index, nlohmann::json(item.value()), path.string());
    ++index;
    if (!record) return record.error();
    Sample sample;
    sample.id = IdFromText(record->id);
    sample.image_candidates = ImageCandidates(image_dirs, {record->image});
    sample.fields["question"] = record->question;
    sample.references.answers = {record->answer};
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddGqaLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "GQA questions: official dict keyed by question id or LAVIS list, detected";
  entry.cleanup = AnswerCleanup::kLowerDropUnkStrip;
  entry.load = LoadGqa;
  entry.reference_text = ReferenceTextRule::kMostCommonAnswer;
  registry.Add("gqa", std::move(entry));
}

}  // namespace vleval
