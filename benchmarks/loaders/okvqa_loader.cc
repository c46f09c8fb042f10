// OK-VQA: VQA-format question and annotation files (see builtin_loaders.h).
#include <map>

#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

// question_id -> references, from the annotation file.
Result<std::map<std::int64_t, nlohmann::json>> ReadAnswers(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  RecordReader top(*json, path.string());
  const auto& annotations = top.Array("annotations");
  if (auto status = top.Finish(); !status) return Error{status.message()};
  std::map<std::int64_t, nlohmann::json> answers;
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    RecordReader record(annotations[i], path.string() + ": annotations[" + std::to_string(i) + "]");
    const auto question_id = record.Int("question_id");
    const auto& list = record.Array("answers");
    nlohmann::json references = {{"answers", nlohmann::json::array()},
                                 {"question_type", OptionalText(annotations[i], "question_type")},
                                 {"answer_type", OptionalText(annotations[i], "answer_type")}};
    for (std::size_t k = 0; k < list.size(); ++k) {
      RecordReader answer(list[k], path.string() + ": question " + std::to_string(question_id) + " answers[" +
                                       std::to_string(k) + "]");
      references["answers"].push_back(answer.String("answer"));
      if (auto status = answer.Finish(); !status) return Error{status.message()};
    }
    if (auto status = record.Finish(); !status) return Error{status.message()};
    answers[question_id] = std::move(references);
  }
  return answers;
}

Result<LoadedSamples> LoadOkvqa(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto questions_path =
      options.File("questions", {"okvqa/OpenEnded_mscoco_val2014_questions.json",
                                 "okvqa/OpenEnded_mscoco_val2014_questions_clean.json"});
  const auto annotations_path = options.File("annotations", {"okvqa/mscoco_val2014_annotations.json",
                                                             "okvqa/mscoco_val2014_annotations_clean.json"});
  const auto image_dirs = options.ImageDirs({"coco/val2014", "coco/train2017", "coco/val2017"});
  if (auto status = options.Finish(); !status) return Error{status.message()};

  auto questions = ReadJsonFile(questions_path);
  if (!questions) return questions.error();
  auto answers = ReadAnswers(annotations_path);
  if (!answers) return answers.error();
  RecordReader top(*questions, questions_path.string());
  const auto& list = top.Array("questions");
  if (auto status = top.Finish(); !status) return Error{status.message()};

  LoadedSamples loaded;
  loaded.files = {questions_path, annotations_path};
  for (std::size_t i = 0; i < list.size(); ++i) {
    RecordReader record(list[i], questions_path.string() + ": questions[" + std::to_string(i) + "]");
    const auto question_id = record.Int("question_id");
    const auto image_id = record.Int("image_id");
    const auto question = record.String("question");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    auto found = answers->find(question_id);
    if (found == answers->end()) {
      return Error{annotations_path.string() + ": no annotation for question " + std::to_string(question_id)};
    }
    Sample sample;
    sample.id = question_id;
    sample.image_candidates = CocoCandidates(image_dirs, options.ImageDirsGiven(), "val2014", image_id);
    sample.fields["question"] = question;
    sample.references = found->second;
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddOkvqaLoader(Registry<LoaderEntry>& registry) {
  registry.Add("okvqa", {"OK-VQA val: VQA-format questions + annotations (_clean names accepted)",
                         AnswerCleanup::kLowerDropUnkStrip, LoadOkvqa});
}

}  // namespace vleval
