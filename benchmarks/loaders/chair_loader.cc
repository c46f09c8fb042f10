// CHAIR: a list of COCO val2014 images plus the COCO annotation files the
// metric reads (see builtin_loaders.h).
#include "benchmarks/chair_references.h"
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

Result<LoadedSamples> LoadChair(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto list_path = options.File("image_list", {"chair/images.jsonl"});
  const auto annotations = options.File("annotations_dir", {"coco/annotations"});
  const auto image_dirs = options.ImageDirs({"coco/val2014", "coco/val2017", "coco/train2017"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  auto lines = ReadJsonLines(list_path);
  if (!lines) return lines.error();

  LoadedSamples loaded;
  loaded.files = {list_path};
  for (const char* name : {"instances_val2014.json", "captions_val2014.json"}) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(annotations / name, error)) {
      return Error{"CHAIR needs the COCO annotation file " + (annotations / name).string()};
    }
    loaded.files.push_back(annotations / name);
  }
  // The metric's tables: checked here so that `data check` catches them, and
  // listed so that a data manifest digests them.
  const auto synonyms = input.data_root / chair::kChairSynonymsFile;
  const auto punkt = input.data_root / chair::kChairPunktDir;
  if (auto status = chair::CheckChairTables(synonyms, punkt); !status) return Error{status.message()};
  for (const auto& table : chair::ChairTableFiles(synonyms, punkt)) loaded.files.push_back(table.path);
  for (const auto& line : *lines) {
    const std::string where = list_path.string() + ":" + std::to_string(line.line);
    RecordReader record(line.value, where);
    const auto image = record.String("image");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    const auto image_id = CocoIdFromName(image);
    if (!image_id) return Error{where + ": 'image' " + image + " is not a COCO file name"};
    Sample sample;
    sample.id = *image_id;
    sample.image_candidates = CocoCandidates(image_dirs, options.ImageDirsGiven(), "val2014", *image_id);
    sample.references = {{"image_id", *image_id}};
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddChairLoader(Registry<LoaderEntry>& registry) {
  registry.Add("chair", {"CHAIR image list (JSON Lines with a COCO file name per line) + COCO annotations",
                         AnswerCleanup::kDropUnkStrip, LoadChair});
}

}  // namespace vleval
