#include "benchmarks/mini_data_root.h"

#include <array>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "benchmarks/image_writer.h"
#include "benchmarks/loaders/loader_support.h"

namespace vleval {
namespace {

using nlohmann::json;

class MiniWriter {
 public:
  explicit MiniWriter(std::filesystem::path root) : root_(std::move(root)) {}

  void Json(const std::string& relative, const json& value) { Text(relative, value.dump(1) + "\n"); }

  void Lines(const std::string& relative, const std::vector<json>& rows) {
    std::string text;
    for (const auto& row : rows) text += row.dump() + "\n";
    Text(relative, text);
  }

  // A picture of colour `seed` with a contrasting box (x, y, w, h) in it.
  void Image(const std::string& relative, int width, int height, int seed, std::array<int, 4> box, bool png) {
    if (!status_) return;
    const auto shade = [seed](int k) { return static_cast<std::uint8_t>((seed * 53 + k * 97) % 256); };
    RgbImage image(width, height, shade(0), shade(1), shade(2));
    image.FillRect(box[0], box[1], box[0] + box[2], box[1] + box[3], 255 - shade(0), 255 - shade(1),
                   shade(2) / 2);
    status_ = png ? WritePng(root_ / relative, image) : WriteJpeg(root_ / relative, image);
  }

  Status status() const { return status_; }

  void Text(const std::string& relative, const std::string& text) {
    if (!status_) return;
    const auto path = root_ / relative;
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) status_ = Error{"cannot write " + path.string()};
  }

 private:
  std::filesystem::path root_;
  Status status_;
};

constexpr std::array<const char*, 3> kQuestions = {"What is the color of the box?", "Where is the box?",
                                                   "What shape is shown?"};
constexpr std::array<const char*, 3> kAnswers = {"red", "left", "square"};

json TenAnswers(int i, bool with_ids) {
  json answers = json::array();
  for (int k = 0; k < 10; ++k) {
    json answer = {{"answer", k < 7 ? kAnswers[i] : kAnswers[(i + 1) % 3]}, {"answer_confidence", "yes"}};
    if (with_ids) answer["answer_id"] = k + 1;
    answers.push_back(answer);
  }
  return answers;
}

void WriteOkvqa(MiniWriter& w) {
  json questions = json::array();
  json annotations = json::array();
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const int image_id = 9000 + i;
    const int question_id = image_id * 10 + 5;
    questions.push_back({{"image_id", image_id}, {"question", kQuestions[i]}, {"question_id", question_id}});
    annotations.push_back({{"image_id", image_id},
                           {"question_id", question_id},
                           {"question_type", "what"},
                           {"answer_type", "other"},
                           {"answers", TenAnswers(i, true)}});
    w.Image("coco/val2014/" + Coco2014Name("val2014", image_id), 64, 48, i, {8, 8, 20, 16}, false);
  }
  const json header = {{"info", {{"description", "vleval mini data"}}},
                       {"license", {{"name", "CC0"}}},
                       {"data_subtype", "val2014"},
                       {"data_type", "mscoco"}};
  json question_file = header;
  question_file["task_type"] = "Open-Ended";
  question_file["questions"] = questions;
  json annotation_file = header;
  annotation_file["annotations"] = annotations;
  w.Json("okvqa/OpenEnded_mscoco_val2014_questions.json", question_file);
  w.Json("okvqa/mscoco_val2014_annotations.json", annotation_file);
}

void WriteGqa(MiniWriter& w) {
  json questions = json::object();
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const std::string image = "n10000" + std::to_string(i);
    questions[std::to_string(20000000 + i)] = {{"imageId", image},
                                               {"question", kQuestions[i]},
                                               {"answer", kAnswers[i]},
                                               {"fullAnswer", kAnswers[i]}};
    w.Image("gqa/images/" + image + ".jpg", 60, 40, i + 3, {4, 4, 10, 10}, false);
  }
  w.Json("gqa/testdev_balanced_questions.json", questions);
}

void WriteVsr(MiniWriter& w) {
  constexpr std::array<const char*, 3> kCaptions = {"The cat is on the bed.", "The dog is under the table.",
                                                    "The car is behind the bus."};
  std::vector<json> rows;
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const std::string image = Coco2017Name(17000 + i);
    rows.push_back({{"image", image},
                    {"image_link", "http://images.cocodataset.org/train2017/" + image},
                    {"caption", kCaptions[i]},
                    {"label", i % 2 == 0 ? 1 : 0},
                    {"relation", "on"},
                    {"subj", "cat"},
                    {"obj", "bed"},
                    {"annotator_id", 1},
                    {"vote_true_validator_id", "[1]"},
                    {"vote_false_validator_id", "[]"}});
    w.Image("vsr/images/" + image, 64, 64, i + 6, {16, 16, 24, 24}, false);
  }
  w.Lines("vsr/test.jsonl", rows);
}

void WriteIconvqa(MiniWriter& w) {
  json problems = json::object();
  json split = json::array();
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const std::string pid = std::to_string(100 + i);
    problems[pid] = {{"question", kQuestions[i]},
                     {"choices", {"red", "left", "square"}},
                     {"answer", i},
                     {"ques_type", "choose_txt"},
                     {"grade", "prek"},
                     {"label", "shape"},
                     {"split", "val"}};
    split.push_back(pid);
    w.Image("iconvqa/iconqa/val/choose_txt/" + pid + "/image.png", 48, 48, i + 9, {12, 12, 24, 24}, true);
  }
  w.Json("iconvqa/problems.json", problems);
  w.Json("iconvqa/pid_splits.json", {{"choose_txt_val", split}, {"choose_txt_train", json::array()}});
}

void WriteVizwiz(MiniWriter& w) {
  json items = json::array();
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const std::string image = "VizWiz_val_0000000" + std::to_string(i) + ".jpg";
    items.push_back({{"image", image},
                     {"question", kQuestions[i]},
                     {"answers", TenAnswers(i, false)},
                     {"answer_type", "other"},
                     {"answerable", 1}});
    w.Image("vizwiz/val/" + image, 56, 42, i + 12, {6, 6, 12, 12}, false);
  }
  w.Json("vizwiz/val.json", items);
}

void WriteHm(MiniWriter& w) {
  constexpr std::array<const char*, 3> kTexts = {"have a nice day", "look at this", "sunny weather today"};
  std::vector<json> rows;
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const int id = 42950 + i;
    const std::string image = "img/" + std::to_string(id) + ".png";
    rows.push_back({{"id", id}, {"img", image}, {"label", i % 2}, {"text", kTexts[i]}});
    w.Image("hm/" + image, 50, 50, i + 15, {10, 10, 30, 20}, true);
  }
  w.Lines("hm/dev.jsonl", rows);
}

void WriteRefcoco(MiniWriter& w) {
  constexpr std::array<const char*, 8> kSplits = {"refcoco_val",  "refcoco_testA",  "refcoco_testB",
                                                  "refcoco+_val", "refcoco+_testA", "refcoco+_testB",
                                                  "refcocog_val", "refcocog_test"};
  constexpr std::array<const char*, 3> kSents = {"the red box", "left block", "thing at the top"};
  for (std::size_t s = 0; s < kSplits.size(); ++s) {
    json rows = json::array();
    for (int i = 0; i < kMiniSamplesPerTask; ++i) {
      const int image_id = 580000 + static_cast<int>(s) * 10 + i;
      const std::array<int, 4> box = {8 + 4 * i, 6 + 2 * i, 30, 20};
      rows.push_back({{"img_id", Coco2014Name("train2014", image_id).substr(0, 27) + "_" + std::to_string(i)},
                      {"sents", kSents[i]},
                      {"bbox", {box[0], box[1], box[2], box[3]}},
                      {"height", 60},
                      {"width", 80}});
      w.Image("coco/train2014/" + Coco2014Name("train2014", image_id), 80, 60, i + static_cast<int>(s), box,
              false);
    }
    w.Json(std::string("refcoco/") + kSplits[s] + ".json", rows);
  }
}

// CHAIR's tables for the mini root's three categories, made here (the
// published synonyms.txt and nltk's punkt tables are not copied): one synonym
// line per category (category name first) and a few punkt entries.
void WriteChairTables(MiniWriter& w) {
  w.Text("chair/synonyms.txt", "person, man, woman, people\nbicycle, bike\ncar, automobile, taxi\n");
  w.Text("chair/punkt_tab/english/abbrev_types.txt", "dr\nmr\nst\n");
  w.Text("chair/punkt_tab/english/collocations.tab", "##number##\tfeb\n");
  w.Text("chair/punkt_tab/english/sent_starters.txt", "however\nthe\n");
  w.Text("chair/punkt_tab/english/ortho_context.tab", "a\t126\nthe\t126\n");
}

void WriteChair(MiniWriter& w) {
  std::vector<json> rows;
  json images = json::array();
  json instances = json::array();
  json captions = json::array();
  for (int i = 0; i < kMiniSamplesPerTask; ++i) {
    const int image_id = 2239 + i;
    rows.push_back({{"question_id", i},
                    {"image", Coco2017Name(image_id)},
                    {"text", "Please describe this image in detail."},
                    {"category", "detail"}});
    images.push_back(
        {{"id", image_id}, {"file_name", Coco2014Name("val2014", image_id)}, {"width", 64}, {"height", 48}});
    instances.push_back({{"id", 700 + i},
                         {"image_id", image_id},
                         {"category_id", 1 + i},
                         {"bbox", {8, 8, 20, 16}},
                         {"area", 320},
                         {"iscrowd", 0}});
    captions.push_back({{"id", 800 + i}, {"image_id", image_id}, {"caption", "A person next to a bicycle."}});
    w.Image("coco/val2014/" + Coco2014Name("val2014", image_id), 64, 48, i + 20, {8, 8, 20, 16}, false);
  }
  const json categories = {{{"id", 1}, {"name", "person"}, {"supercategory", "person"}},
                           {{"id", 2}, {"name", "bicycle"}, {"supercategory", "vehicle"}},
                           {{"id", 3}, {"name", "car"}, {"supercategory", "vehicle"}}};
  w.Lines("chair/images.jsonl", rows);
  w.Json("coco/annotations/instances_val2014.json",
         {{"images", images}, {"annotations", instances}, {"categories", categories}});
  w.Json("coco/annotations/captions_val2014.json", {{"images", images}, {"annotations", captions}});
  WriteChairTables(w);
}

}  // namespace

Status WriteMiniDataRoot(const std::filesystem::path& dir) {
  MiniWriter writer(dir);
  WriteOkvqa(writer);
  WriteGqa(writer);
  WriteVsr(writer);
  WriteIconvqa(writer);
  WriteVizwiz(writer);
  WriteHm(writer);
  WriteRefcoco(writer);
  WriteChair(writer);
  return writer.status();
}

}  // namespace vleval
