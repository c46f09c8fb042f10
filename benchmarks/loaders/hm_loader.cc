// Hateful Memes phase-1 dev.jsonl (see builtin_loaders.h).
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

Result<LoadedSamples> LoadHm(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto path = options.File("file", {"hm/dev.jsonl"});
  const auto image_dirs = options.ImageDirs({"hm"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  auto lines = ReadJsonLines(path);
  if (!lines) return lines.error();

  LoadedSamples loaded;
  loaded.files = {path};
  for (const auto& line : *lines) {
    const std::string where = path.string() + ":" + std::to_string(line.line);
    RecordReader record(line.value, where);
    const auto id = record.IdText("id");
    const auto image = record.String("img");
    const auto text = record.String("text");
    const auto label = record.Int("label");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    if (label != 0 && label != 1)
      return Error{where + ": 'label' must be 0 or 1, got " + std::to_string(label)};
    Sample sample;
    sample.id = IdFromText(id);
    sample.image_candidates = ImageCandidates(image_dirs, {image});
    sample.fields["text"] = text;
    sample.references.label = static_cast<int>(label);
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddHmLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "Hateful Memes dev.jsonl (id, img, label, text)";
  entry.cleanup = AnswerCleanup::kLowerStrip;
  entry.load = LoadHm;
  entry.request_kind = RequestKind::kGenerateWithFirstToken;
  entry.reference_text = ReferenceTextRule::kYesNo;
  registry.Add("hm", std::move(entry));
}

}  // namespace vleval
