// OK-VQA: VQA-format question and annotation files (see builtin_loaders.h).
#include <iterator>
#include <optional>
#include <unordered_map>

#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"
#include "core/json_stream.h"

namespace vleval {
namespace {

// What one annotation record gives its question's sample.
struct Annotation {
  std::vector<std::string> answers;
  std::string question_type, answer_type;
};

// "<file>:<line> (byte <offset>): <list>[<index>]", the prefix of a record's messages.
std::string RecordWhere(const std::filesystem::path& path, const JsonPosition& at, const char* list,
                        std::size_t index) {
  return JsonWhere(path, at) + ": " + list + "[" + std::to_string(index) + "]";
}

// The answer strings of one record's "answers" array, in order, into `out`
// at its exact size; `scratch` is working space kept between records (it
// grows for the first records only).
Status ReadAnswerList(JsonValue& value, std::vector<std::string>& scratch, std::vector<std::string>& out) {
  simdjson::ondemand::array list;
  if (value.get_array().get(list) != simdjson::SUCCESS) {
    return Error{"'answers' must be an array, got " + DescribeJsonValue(value)};
  }
  scratch.clear();  // keeps its capacity
  std::size_t k = 0;
  for (auto item : list) {
    JsonValue entry;
    if (auto error = item.get(entry))
      return Error{std::string("malformed JSON: ") + simdjson::error_message(error)};
    bool found = false;
    std::string answer;
    Status status = ForEachJsonMember(entry, [&](std::string_view key, JsonValue& member) -> Result<bool> {
      if (key != "answer") return false;
      found = true;
      if (Status read = ReadJsonString(member, answer); !read.ok())
        return Error{"'answer' " + read.message()};
      return true;
    });
    if (status.ok() && !found) status = Error{"'answer' is missing"};
    if (!status.ok()) return Error{"answers[" + std::to_string(k) + "]: " + status.message()};
    scratch.push_back(std::move(answer));
    ++k;
  }
  out.assign(std::make_move_iterator(scratch.begin()), std::make_move_iterator(scratch.end()));
  return {};
}

// question_id -> references, from the annotation file; `expected` records
// (the number of questions) are room made in advance.
Result<std::unordered_map<std::int64_t, Annotation>> ReadAnswers(const std::filesystem::path& path,
                                                                 std::size_t expected) {
  std::unordered_map<std::int64_t, Annotation> answers;
  answers.reserve(expected);
  std::vector<std::string> scratch;
  auto read = [&](JsonValue& record, std::size_t index, const JsonPosition& at) -> Status {
    std::optional<std::int64_t> question_id;
    bool has_answers = false;
    Annotation annotation;
    Status status = ForEachJsonMember(record, [&](std::string_view key, JsonValue& member) -> Result<bool> {
      if (key == "question_id") {
        std::int64_t id = 0;
        if (Status read = ReadJsonInt(member, id); !read.ok())
          return Error{"'question_id' " + read.message()};
        question_id = id;
        return true;
      }
      if (key == "answers") {
        has_answers = true;
        if (Status read = ReadAnswerList(member, scratch, annotation.answers); !read.ok())
          return Error{read.message()};
        return true;
      }
      // Optional breakdown keys: a string, else empty (as OptionalText).
      std::string* text = key == "question_type" ? &annotation.question_type
                          : key == "answer_type" ? &annotation.answer_type
                                                 : nullptr;
      if (text == nullptr) return false;
      if (ReadJsonString(member, *text).ok()) return true;
      text->clear();
      return false;
    });
    if (status.ok() && !question_id) status = Error{"'question_id' is missing"};
    if (status.ok() && !has_answers) status = Error{"'answers' is missing"};
    if (!status.ok()) return Error{RecordWhere(path, at, "annotations", index) + ": " + status.message()};
    answers[*question_id] = std::move(annotation);
    return {};
  };
  if (Status status = StreamJsonObjectArrays(path, {{"annotations", read}}); !status.ok()) {
    return Error{status.message()};
  }
  return answers;
}

struct Question {
  std::int64_t question_id = 0, image_id = 0;
  std::string question;
};

// The questions in file order; with `keep_text` false their text is checked
// but not kept (scoring needs no prompt).
Result<std::vector<Question>> ReadQuestions(const std::filesystem::path& path, bool keep_text) {
  std::vector<Question> questions;
  std::string unkept;  // the text of the question being checked when not kept
  auto read = [&](JsonValue& record, std::size_t index, const JsonPosition& at) -> Status {
    Question question;
    bool has_question_id = false, has_image_id = false, has_question = false;
    Status status = ForEachJsonMember(record, [&](std::string_view key, JsonValue& member) -> Result<bool> {
      bool* seen = key == "question_id" ? &has_question_id
                   : key == "image_id"  ? &has_image_id
                   : key == "question"  ? &has_question
                                        : nullptr;
      if (seen == nullptr) return false;
      *seen = true;
      Status read = key == "question" ? ReadJsonString(member, keep_text ? question.question : unkept)
                                      : ReadJsonInt(member, key == "question_id" ? question.question_id
                                                                                 : question.image_id);
      if (!read.ok()) return Error{"'" + std::string(key) + "' " + read.message()};
      return true;
    });
    for (const auto& [has, key] :
         {std::pair{has_question_id, "question_id"}, std::pair{has_image_id, "image_id"},
          std::pair{has_question, "question"}}) {
      if (status.ok() && !has) status = Error{"'" + std::string(key) + "' is missing"};
    }
    if (!status.ok()) return Error{RecordWhere(path, at, "questions", index) + ": " + status.message()};
    questions.push_back(std::move(question));
    return {};
  };
  if (Status status = StreamJsonObjectArrays(path, {{"questions", read}}); !status.ok()) {
    return Error{status.message()};
  }
  return questions;
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

  auto questions = ReadQuestions(questions_path, input.for_model);
  if (!questions) return questions.error();
  auto answers = ReadAnswers(annotations_path, questions->size());
  if (!answers) return answers.error();

  LoadedSamples loaded;
  loaded.files = {questions_path, annotations_path};
  loaded.samples.reserve(questions->size());
  for (Question& question : *questions) {
    auto found = answers->find(question.question_id);
    if (found == answers->end()) {
      return Error{annotations_path.string() + ": no annotation for question " +
                   std::to_string(question.question_id)};
    }
    Sample sample;
    sample.id = question.question_id;
    if (input.for_model) {
      sample.image_candidates =
          CocoCandidates(image_dirs, options.ImageDirsGiven(), "val2014", question.image_id);
      sample.fields["question"] = std::move(question.question);
    }
    Annotation& annotation = found->second;
    sample.references.answers = std::move(annotation.answers);
    sample.references.question_type = std::move(annotation.question_type);
    sample.references.answer_type = std::move(annotation.answer_type);
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddOkvqaLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "OK-VQA val: VQA-format questions + annotations (_clean names accepted)";
  entry.cleanup = AnswerCleanup::kLowerDropUnkStrip;
  entry.load = LoadOkvqa;
  entry.reference_text = ReferenceTextRule::kMostCommonAnswer;
  registry.Add("okvqa", std::move(entry));
}

}  // namespace vleval
