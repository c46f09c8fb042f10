// CHAIR: a list of COCO val2014 images plus the COCO annotation files the
// metric reads (see builtin_loaders.h).
#include <memory>
#include <unordered_map>

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
    sample.references.image_id = *image_id;
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

// The metric's inputs beyond the samples: the synonym and punkt tables of
// <data_root>/chair/ (into options.resources) and the COCO 2014 instance and
// caption references of the task's images, read from loader_options
// .annotations_dir (default coco/annotations; train2014 files are read too
// when present).
Result<MetricInputCompleter> ChairScoringInputs(const LoaderInput& input, const std::vector<Sample>& samples,
                                                ScoringOptions& options) {
  const auto& data_root = input.data_root;
  auto resources =
      chair::ReadChairResources(data_root / chair::kChairSynonymsFile, data_root / chair::kChairPunktDir);
  if (!resources) return resources.error();
  options.resources.insert(resources->begin(), resources->end());

  std::filesystem::path annotations = data_root / "coco" / "annotations";
  if (input.options.is_object() && input.options.contains("annotations_dir") &&
      input.options["annotations_dir"].is_string()) {
    annotations = data_root / input.options["annotations_dir"].get<std::string>();
  }
  std::vector<std::filesystem::path> instances, captions;
  for (const char* split : {"val2014", "train2014"}) {
    const auto instance_file = annotations / ("instances_" + std::string(split) + ".json");
    const auto caption_file = annotations / ("captions_" + std::string(split) + ".json");
    if (std::filesystem::exists(instance_file)) instances.push_back(instance_file);
    if (std::filesystem::exists(caption_file)) captions.push_back(caption_file);
  }
  if (instances.empty() || captions.empty()) {
    return Error{"CHAIR needs instances_val2014.json and captions_val2014.json in " + annotations.string()};
  }
  std::vector<std::int64_t> image_ids;
  image_ids.reserve(samples.size());
  for (const auto& sample : samples) image_ids.push_back(sample.references.image_id);
  auto references = chair::ReadCocoChairReferences(instances, captions, image_ids);
  if (!references) return references.error();
  auto by_image = std::make_shared<const std::unordered_map<std::int64_t, chair::ChairImageReferences>>(
      std::move(*references));
  return MetricInputCompleter([by_image](const Sample& sample, MetricSample& out) -> Status {
    const auto it = by_image->find(sample.references.image_id);
    if (it == by_image->end()) {
      return Error{"sample " + out.id + ": COCO image " + std::to_string(sample.references.image_id) +
                   " has no instance or caption annotations"};
    }
    out.reference_objects = it->second.objects;
    out.reference_captions = it->second.captions;
    return {};
  });
}

}  // namespace

void AddChairLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "CHAIR image list (JSON Lines with a COCO file name per line) + COCO annotations";
  entry.cleanup = AnswerCleanup::kDropUnkStrip;
  entry.load = LoadChair;
  entry.required_prediction = "caption for CHAIR image";
  entry.scoring_inputs = ChairScoringInputs;
  registry.Add("chair", std::move(entry));
}

}  // namespace vleval
