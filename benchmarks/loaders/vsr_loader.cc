// VSR zero-shot test split, JSON Lines (see builtin_loaders.h).
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

Result<LoadedSamples> LoadVsr(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto path = options.File("file", {"vsr/test.jsonl", "vsr/zeroshot_test.jsonl"});
  const auto image_dirs = options.ImageDirs({"vsr/images", "coco/train2017", "coco/val2017"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  auto lines = ReadJsonLines(path);
  if (!lines) return lines.error();

  LoadedSamples loaded;
  loaded.files = {path};
  for (std::size_t row = 0; row < lines->size(); ++row) {
    const auto& line = (*lines)[row];
    RecordReader record(line.value, path.string() + ":" + std::to_string(line.line) + " (sample " +
                                        std::to_string(row) + ")");
    const auto image = record.String("image");
    const auto caption = record.String("caption");
    const auto label = record.Int("label");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    if (label != 0 && label != 1) {
      return Error{path.string() + ":" + std::to_string(line.line) + ": 'label' must be 0 or 1, got " +
                   std::to_string(label)};
    }
    Sample sample;
    sample.id = row;
    sample.image_candidates = ImageCandidates(image_dirs, {image});
    sample.fields["caption"] = caption;
    sample.references.label = static_cast<int>(label);
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddVsrLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "VSR zero-shot test split (JSON Lines: image, caption, label)";
  entry.cleanup = AnswerCleanup::kDropUnkStrip;
  entry.load = LoadVsr;
  entry.reference_text = ReferenceTextRule::kTrueFalse;
  registry.Add("vsr", std::move(entry));
}

}  // namespace vleval
