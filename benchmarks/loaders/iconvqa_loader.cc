// IconVQA (IconQA choose_txt val): the official release (problems.json +
// pid_splits.json), or a ready choose_text_val.json (see builtin_loaders.h).
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

// One problem: {question, choices: [strings], answer: index into choices}.
Result<Sample> ProblemSample(const std::string& pid, const nlohmann::json& problem, const std::string& where,
                             const std::vector<std::filesystem::path>& image_dirs) {
  RecordReader record(problem, where);
  const auto question = record.String("question");
  const auto& choices = record.Array("choices");
  const auto answer = record.Int("answer");
  if (auto status = record.Finish(); !status) return Error{status.message()};
  std::vector<std::string> texts;
  for (const auto& choice : choices) {
    if (!choice.is_string()) return Error{where + ": 'choices' must hold strings, got " + choice.dump()};
    texts.push_back(choice.get<std::string>());
  }
  if (answer < 0 || answer >= static_cast<std::int64_t>(texts.size())) {
    return Error{where + ": 'answer' " + std::to_string(answer) + " is not an index into " +
                 std::to_string(texts.size()) + " choices"};
  }
  Sample sample;
  sample.id = IdFromText(pid);
  sample.image_candidates = ImageCandidates(image_dirs, {pid + "/image.png"});
  sample.fields["question"] = question;
  sample.references.choices = std::move(texts);
  sample.references.label = static_cast<int>(answer);
  return sample;
}

Result<LoadedSamples> LoadOfficial(const std::filesystem::path& problems_path,
                                   const std::filesystem::path& splits_path, const std::string& split,
                                   const std::vector<std::filesystem::path>& image_dirs) {
  auto splits = ReadJsonFile(splits_path);
  if (!splits) return splits.error();
  RecordReader split_reader(*splits, splits_path.string());
  const auto& pids = split_reader.Array(split);
  if (auto status = split_reader.Finish(); !status) return Error{status.message()};
  auto problems = ReadJsonFile(problems_path);
  if (!problems) return problems.error();
  if (!problems->is_object())
    return Error{problems_path.string() + ": expected an object keyed by problem id"};

  LoadedSamples loaded;
  loaded.files = {problems_path, splits_path};
  for (std::size_t i = 0; i < pids.size(); ++i) {
    const std::string where = splits_path.string() + ": " + split + "[" + std::to_string(i) + "]";
    if (!pids[i].is_string() && !pids[i].is_number_integer()) return Error{where + ": not a problem id"};
    const std::string pid =
        pids[i].is_string() ? pids[i].get<std::string>() : std::to_string(pids[i].get<long long>());
    auto problem = problems->find(pid);
    if (problem == problems->end())
      return Error{where + ": problem " + pid + " is not in " + problems_path.string()};
    auto sample = ProblemSample(pid, *problem, problems_path.string() + ": problem " + pid, image_dirs);
    if (!sample) return sample.error();
    loaded.samples.push_back(std::move(*sample));
  }
  return loaded;
}

Result<LoadedSamples> LoadReady(const std::filesystem::path& path,
                                const std::vector<std::filesystem::path>& image_dirs) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  if (!json->is_array())
    return Error{path.string() + ": expected a list of {image_id, question, choices, answer}"};
  LoadedSamples loaded;
  loaded.files = {path};
  for (std::size_t i = 0; i < json->size(); ++i) {
    const std::string where = path.string() + ": [" + std::to_string(i) + "]";
    RecordReader record((*json)[i], where);
    const auto pid = record.IdText("image_id");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    auto sample = ProblemSample(pid, (*json)[i], where, image_dirs);
    if (!sample) return sample.error();
    loaded.samples.push_back(std::move(*sample));
  }
  return loaded;
}

Result<LoadedSamples> LoadIconvqa(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto problems = options.File("problems", {"iconvqa/problems.json"});
  const auto splits = options.File("pid_splits", {"iconvqa/pid_splits.json"});
  const auto ready = options.File("ready_file", {"iconvqa/choose_text_val.json"});
  const auto split = options.String("split", "choose_txt_val");
  const bool ready_given = input.options.is_object() && input.options.contains("ready_file");
  const auto image_dirs = options.ImageDirs({"iconvqa/iconqa/val/choose_txt"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  std::error_code error;
  if (!ready_given && std::filesystem::exists(problems, error)) {
    return LoadOfficial(problems, splits, split, image_dirs);
  }
  return LoadReady(ready, image_dirs);
}

}  // namespace

void AddIconvqaLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "IconQA release (problems.json + pid_splits.json) or a ready choose_text_val.json";
  entry.cleanup = AnswerCleanup::kDropUnkStrip;
  entry.load = LoadIconvqa;
  entry.request_kind = RequestKind::kScoreCandidates;
  entry.reference_text = ReferenceTextRule::kChoice;
  registry.Add("iconvqa", std::move(entry));
}

}  // namespace vleval
