// RefCOCO / RefCOCO+ / RefCOCOg: the eight evaluation files shipped by
// MiniGPT-v2, one row per expression (see builtin_loaders.h).
#include "benchmarks/loaders/builtin_loaders.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

Result<LoadedSamples> LoadRefcoco(const LoaderInput& input) {
  LoaderOptions options(input.options, input.data_root, input.task);
  const auto dataset = options.String("dataset", "");
  const auto split = options.String("split", "");
  const std::string name = dataset + "_" + split + ".json";
  const auto path = options.File("file", {"refcoco/" + name, "refcoco/" + dataset + "/" + name});
  const auto image_dirs = options.ImageDirs({"coco/train2014", "coco/train2017"});
  if (auto status = options.Finish(); !status) return Error{status.message()};
  if (dataset.empty() || split.empty()) {
    return Error{"task '" + input.task + "': loader_options 'dataset' and 'split' are required"};
  }
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  if (!json->is_array())
    return Error{path.string() + ": expected a list of {img_id, sents, bbox, height, width}"};

  LoadedSamples loaded;
  loaded.files = {path};
  for (std::size_t row = 0; row < json->size(); ++row) {
    const std::string where = path.string() + ": [" + std::to_string(row) + "]";
    RecordReader record((*json)[row], where);
    const auto img_id = record.String("img_id");
    const auto sent = record.String("sents");
    const auto& bbox = record.Array("bbox");
    const auto height = record.Int("height");
    const auto width = record.Int("width");
    if (auto status = record.Finish(); !status) return Error{status.message()};
    bool box_ok = bbox.size() == 4;
    for (const auto& value : bbox) box_ok = box_ok && value.is_number();
    if (!box_ok) return Error{where + ": 'bbox' must be 4 numbers [x, y, w, h], got " + bbox.dump()};
    const auto image_id = img_id.size() >= 27 ? CocoIdFromName(img_id.substr(0, 27) + ".jpg") : std::nullopt;
    if (!image_id)
      return Error{where + ": 'img_id' " + img_id + " does not start with COCO_train2014_<12 digits>"};

    Sample sample;
    sample.id = row;
    sample.image_candidates = CocoCandidates(image_dirs, options.ImageDirsGiven(), "train2014", *image_id);
    sample.fields["sent"] = sent;
    const auto x = bbox[0].get<double>(), y = bbox[1].get<double>();
    sample.references.box = PixelBox{x, y, x + bbox[2].get<double>(), y + bbox[3].get<double>()};
    sample.references.box_text = bbox.dump();
    sample.references.image_width = static_cast<double>(width);
    sample.references.image_height = static_cast<double>(height);
    loaded.samples.push_back(std::move(sample));
  }
  return loaded;
}

}  // namespace

void AddRefcocoLoader(Registry<LoaderEntry>& registry) {
  LoaderEntry entry;
  entry.summary = "RefCOCO/RefCOCO+/RefCOCOg evaluation file as shipped by MiniGPT-v2";
  entry.cleanup = AnswerCleanup::kRecCompact;
  entry.load = LoadRefcoco;
  entry.reference_text = ReferenceTextRule::kBox;
  entry.rec_resampling = true;
  registry.Add("refcoco", std::move(entry));
}

}  // namespace vleval
