// A loader in a format vleval does not ship, registered from outside
// benchmarks/: <data_root>/tsvqa/questions.tsv, a header line then one
// question per line: id, image file name (under tsvqa/images), question, and
// the annotators' answers joined by "|". id: the id column (an integer when
// all digits). fields: question. references: answers. Linked into this
// folder's `vleval` build only.
#include <sstream>

#include "benchmarks/loader.h"
#include "benchmarks/loaders/loader_support.h"
#include "core/json_file.h"

namespace vleval {
namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

Result<LoadedSamples> LoadTsvVqa(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto path = options.File("file", {"tsvqa/questions.tsv"});
  const auto image_dirs = options.ImageDirs({"tsvqa/images"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  LoadedSamples loaded;
  loaded.files = {path};
  const auto lines = Split(*text, '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {  // line 1 is the header
    if (lines[i].empty()) continue;
    const auto columns = Split(lines[i], '\t');
    if (columns.size() != 4) {
      return Error{path.string() + ":" + std::to_string(i + 1) + ": expected 4 tab-separated columns, got " +
                   std::to_string(columns.size())};
    }
    Sample sample;
    sample.id = IdFromText(columns[0]);
    if (input.for_model) sample.image_candidates = ImageCandidates(image_dirs, {columns[1]});
    sample.fields["question"] = columns[2];
    sample.references.answers = Split(columns[3], '|');
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

LoaderEntry TsvVqaEntry() {
  LoaderEntry entry;
  entry.summary = "tab-separated VQA questions with '|'-joined answers (test folder plug-in)";
  entry.cleanup = AnswerCleanup::kLowerDropUnkStrip;
  entry.load = LoadTsvVqa;
  entry.reference_text = ReferenceTextRule::kMostCommonAnswer;
  return entry;
}

[[maybe_unused]] const bool registered = RegisterLoader("tsv_vqa", TsvVqaEntry());

}  // namespace
}  // namespace vleval
