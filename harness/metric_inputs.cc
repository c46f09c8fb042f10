#include "harness/metric_inputs.h"

namespace vleval {
namespace {

// Reads references[key] as T, or fails naming the sample and key.
template <typename T>
Result<T> Field(const Sample& sample, const std::string& id, const char* key) {
  const auto it = sample.references.find(key);
  if (it == sample.references.end()) return Error{"sample " + id + ": reference '" + key + "' is missing"};
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    return Error{"sample " + id + ": reference '" + key + "' has the wrong type"};
  }
}

std::string OptionalString(const Sample& sample, const char* key) {
  const auto it = sample.references.find(key);
  return it != sample.references.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status FillReferences(const std::string& loader, const Sample& sample, const ChairReferenceMap& chair,
                      MetricSample& out) {
  const std::string& id = out.id;
  if (loader == "okvqa" || loader == "vizwiz") {
    auto answers = Field<std::vector<std::string>>(sample, id, "answers");
    if (!answers) return answers.error();
    out.answers = *answers;
    out.question_type = OptionalString(sample, "question_type");
    out.answer_type = OptionalString(sample, "answer_type");
    if (const auto it = sample.references.find("answerable");
        it != sample.references.end() && it->is_number())
      out.answerable = it->get<int>();
  } else if (loader == "gqa") {
    auto answer = Field<std::string>(sample, id, "answer");
    if (!answer) return answer.error();
    out.answers = {*answer};
  } else if (loader == "vsr" || loader == "hm") {
    auto label = Field<int>(sample, id, "label");
    if (!label) return label.error();
    out.label = *label;
  } else if (loader == "iconvqa") {
    auto answer = Field<int>(sample, id, "answer");
    if (!answer) return answer.error();
    auto choices = Field<std::vector<std::string>>(sample, id, "choices");
    if (!choices) return choices.error();
    out.label = *answer;
    out.choices = *choices;
  } else if (loader == "refcoco") {
    auto bbox = Field<std::vector<double>>(sample, id, "bbox");
    auto width = Field<double>(sample, id, "width");
    auto height = Field<double>(sample, id, "height");
    if (!bbox) return bbox.error();
    if (!width) return width.error();
    if (!height) return height.error();
    if (bbox->size() != 4) return Error{"sample " + id + ": reference 'bbox' must hold 4 numbers"};
    const auto& b = *bbox;
    out.box = PixelBox{b[0], b[1], b[0] + b[2], b[1] + b[3]};
    out.image_width = *width;
    out.image_height = *height;
  } else if (loader == "chair") {
    auto image_id = Field<int64_t>(sample, id, "image_id");
    if (!image_id) return image_id.error();
    const auto it = chair.find(*image_id);
    if (it == chair.end()) {
      return Error{"sample " + id + ": COCO image " + std::to_string(*image_id) +
                   " has no instance or caption annotations"};
    }
    out.reference_objects = it->second.objects;
    out.reference_captions = it->second.captions;
  } else {
    return Error{"no metric glue for loader '" + loader + "'"};
  }
  return {};
}

}  // namespace

Status LoadChairInputs(const TaskConfig& task, const std::filesystem::path& data_root,
                       const std::vector<Sample>& samples, ScoringOptions& options, ChairReferenceMap& out) {
  auto resources =
      chair::ReadChairResources(data_root / chair::kChairSynonymsFile, data_root / chair::kChairPunktDir);
  if (!resources) return resources.error();
  options.resources.insert(resources->begin(), resources->end());

  std::filesystem::path annotations = data_root / "coco" / "annotations";
  if (task.loader_options.is_object() && task.loader_options.contains("annotations_dir") &&
      task.loader_options["annotations_dir"].is_string()) {
    annotations = data_root / task.loader_options["annotations_dir"].get<std::string>();
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
  std::vector<int64_t> image_ids;
  image_ids.reserve(samples.size());
  for (const auto& sample : samples) image_ids.push_back(sample.id.get<int64_t>());
  auto references = chair::ReadCocoChairReferences(instances, captions, image_ids);
  if (!references) return references.error();
  out.swap(references.value());
  return {};
}

Result<MetricSample> ToMetricSample(const std::string& loader, const Sample& sample,
                                    const Prediction* prediction, const ChairReferenceMap& chair) {
  MetricSample out;
  out.id = SampleIdText(sample.id);
  if (prediction != nullptr) {
    out.output = prediction->output;
    out.p_yes = prediction->p_yes;
    out.p_unanswerable = prediction->p_unanswerable;
    out.candidates_nll = prediction->candidates_nll;
    out.choice_detail = prediction->choice_detail;
  }
  if (auto status = FillReferences(loader, sample, chair, out); !status) return Error{status.message()};
  return out;
}

}  // namespace vleval
