// VizWiz VQA val.json (see builtin_loaders.h).
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

Result<LoadedSamples> LoadVizwiz(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto path = options.File("file", {"vizwiz/val.json"});
  const auto image_dirs = options.ImageDirs({"vizwiz/val"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  if (!json->is_array()) return Error{path.string() + ": expected a list of {image, question, answers}"};

  LoadedSamples loaded;
  loaded.files = {path};
  for (std::size_t i = 0; i < json->size(); ++i) {
    const std::string where = path.string() + ": [" + std::to_string(i) + "]";
    RecordReader record((*json)[i], where);
    const auto image = record.String("image");
    const auto question = record.String("question");
    const auto& answers = record.Array("answers");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    std::vector<std::string> texts;
    for (std::size_t k = 0; k < answers.size(); ++k) {
      RecordReader answer(answers[k], where + " answers[" + std::to_string(k) + "]");
      texts.push_back(answer.String("answer"));
      if (auto status = answer.Finish(); !status) return Error{status.message()};
    }
    const auto& record_json = (*json)[i];
    Sample sample;
    sample.id = image;
    sample.image_candidates = ImageCandidates(image_dirs, {image});
    sample.fields["question"] = question;
    sample.references.answers = std::move(texts);
    sample.references.answer_type = OptionalText(record_json, "answer_type");
    if (const auto it = record_json.find("answerable"); it != record_json.end() && it->is_number())
      sample.references.answerable = it->get<int>();
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddVizwizLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "VizWiz VQA val.json (list of image, question, 10 answers)";
  entry.cleanup = AnswerCleanup::kDropUnkStrip;
  entry.load = LoadVizwiz;
  entry.reference_text = ReferenceTextRule::kMostCommonAnswer;
  registry.Add("vizwiz", std::move(entry));
}

}  // namespace vleval
