// Scoring predictions files against a data root: the glue from loaders'
// references to the metrics, on the mini data root and on the real VSR,
// RefCOCO and CHAIR files of ../shared/data.
#include "harness/task_scoring.h"

#include <fstream>

#include <gtest/gtest.h>

#include "benchmarks/loader.h"
#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

const TaskConfig& ShippedTask(const std::string& name) {
  static const TaskCatalog catalog = *TaskCatalog::Load(testing::SourceDir() / "configs");
  return **catalog.FindTask(name);
}

// Writes one {"id", "output"} line per (id, output); returns its path.
std::filesystem::path Predictions(const std::filesystem::path& dir,
                                  const std::vector<std::pair<nlohmann::json, std::string>>& rows) {
  const auto path = dir / "predictions.jsonl";
  std::ofstream out(path);
  for (const auto& [id, output] : rows) out << nlohmann::json{{"id", id}, {"output", output}}.dump() << "\n";
  return path;
}

std::vector<Sample> Samples(const std::string& task, const std::filesystem::path& root) {
  auto loaded = LoadTaskSamples(ShippedTask(task), root);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return loaded->samples;
}

TEST(ScoreTaskPredictions, RealVsrAllTrueScoresTheShareOfTrueStatements) {
  const auto root = testing::SharedDataDir();
  VLEVAL_SKIP_UNLESS_EXISTS(root / "vsr" / "zeroshot_test.jsonl");
  testing::TempDir dir;
  std::vector<std::pair<nlohmann::json, std::string>> rows;
  for (const auto& sample : Samples("vsr", root)) rows.emplace_back(sample.id, "true");
  auto score =
      ScoreTaskPredictions(ShippedTask("vsr"), root, Predictions(dir.path(), rows), Dialect::kMiniGptV2, {});
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->ids.size(), 1222u);
  EXPECT_EQ(score->report.metrics.at("accuracy"), 629.0 / 1222.0 * 100.0);
  EXPECT_EQ(TaskScoreJson(*score).dump(),
            R"({"dialect":"minigptv2","metrics":{"accuracy":51.47299509001637},"n":1222,"task":"vsr"})");
}

TEST(ScoreTaskPredictions, RealRefcocoGroundTruthBoxesScoreAbove99AndMissingOnesZero) {
  const auto root = testing::SharedDataDir();
  VLEVAL_SKIP_UNLESS_EXISTS(root / "refcoco" / "refcoco_testB.json");
  testing::TempDir dir;
  const auto samples = Samples("refcoco_testB", root);
  std::vector<std::pair<nlohmann::json, std::string>> rows;
  for (const auto& sample : samples) {
    const auto& r = sample.references;
    const double x = r.box.x1, y = r.box.y1, x2 = r.box.x2, y2 = r.box.y2;
    const double width = r.image_width, height = r.image_height;
    // The training target of the official code: int(coord / size * 100).
    auto grid = [](double v, double size) { return std::to_string(static_cast<int>(v / size * 100)); };
    rows.emplace_back(sample.id, "{<" + grid(x, width) + "><" + grid(y, height) + "><" + grid(x2, width) +
                                     "><" + grid(y2, height) + ">}");
  }
  rows.resize(rows.size() - 10);  // the last ten expressions have no prediction
  auto score = ScoreTaskPredictions(ShippedTask("refcoco_testB"), root, Predictions(dir.path(), rows),
                                    Dialect::kMiniGptV2, {});
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->ids.size(), 5095u);
  EXPECT_EQ(score->missing_predictions, 10u);
  EXPECT_GT(score->report.metrics.at("acc@0.5"), 99.0);
  EXPECT_EQ(score->report.metrics.at("parse_failures"), 10.0);
  for (std::size_t i = samples.size() - 10; i < samples.size(); ++i)
    EXPECT_EQ(score->report.per_sample[i], 0.0);
}

TEST(ScoreTaskPredictions, VizWizOfficialReportsAnswerTypesAndUnanswerabilityFromPredictions) {
  testing::TempDir root;
  std::filesystem::create_directories(root.path() / "vizwiz");
  const struct {
    const char* answer;
    const char* output;
    const char* type;
    int answerable;
    double p_unanswerable;
  } rows[] = {{"unanswerable", "unanswerable", "unanswerable", 0, 0.7},
              {"yes", "yes", "yes/no", 1, 0.75},
              {"2", "two", "number", 1, 0.25},
              {"blue", "red", "other", 1, 0.125}};
  nlohmann::json items = nlohmann::json::array();
  std::ofstream predictions(root.path() / "predictions.jsonl");
  for (int i = 0; i < 4; ++i) {
    const std::string image = "VizWiz_val_0000000" + std::to_string(i) + ".jpg";
    nlohmann::json answers = nlohmann::json::array();
    for (int k = 0; k < 10; ++k)
      answers.push_back({{"answer", rows[i].answer}, {"answer_confidence", "yes"}});
    items.push_back({{"image", image},
                     {"question", "what is it?"},
                     {"answers", answers},
                     {"answer_type", rows[i].type},
                     {"answerable", rows[i].answerable}});
    predictions << nlohmann::json{{"id", image},
                                  {"output", rows[i].output},
                                  {"p_unanswerable", rows[i].p_unanswerable}}
                       .dump()
                << "\n";
  }
  predictions.close();
  std::ofstream(root.path() / "vizwiz" / "val.json") << items.dump();
  auto score = ScoreTaskPredictions(ShippedTask("vizwiz"), root.path(), root.path() / "predictions.jsonl",
                                    Dialect::kOfficial, {});
  ASSERT_TRUE(score.ok()) << score.error().message;
  const auto json = TaskScoreJson(*score);
  EXPECT_EQ(json["metrics"]["accuracy"], 75.0);
  EXPECT_EQ(json["breakdown"]["answer_type"],
            (nlohmann::json{{"number", 100.0}, {"other", 0.0}, {"unanswerable", 100.0}, {"yes/no", 100.0}}));
  // Unanswerable scores 0.7 (the unanswerable one) is second to 0.75: precision 1/2 at recall 1.
  EXPECT_EQ(json["metrics"]["unanswerable_ap"], 50.0);
  // Predicted unanswerable (> 0.5): samples 0 and 1; TP 1, FP 1: F1 = 2/3.
  EXPECT_EQ(json["metrics"]["unanswerable_f1"], 66.67);
}

TEST(ScoreTaskPredictions, UnknownPredictionIdIsAnErrorNamingTheLine) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteMiniDataRoot(dir.path() / "root").ok());
  auto score =
      ScoreTaskPredictions(ShippedTask("vsr"), dir.path() / "root",
                           Predictions(dir.path(), {{0, "true"}, {999, "false"}}), Dialect::kMiniGptV2, {});
  ASSERT_FALSE(score.ok());
  EXPECT_NE(score.error().message.find("999"), std::string::npos) << score.error().message;
  EXPECT_NE(score.error().message.find(":2"), std::string::npos) << score.error().message;
}

TEST(ScoreTaskPredictions, EveryMiniTaskScoresPerfectReferencesAtTheTop) {
  testing::TempDir dir;
  const auto root = dir.path() / "root";
  ASSERT_TRUE(WriteMiniDataRoot(root).ok());
  // Perfect outputs built from each family's references.
  const std::vector<std::pair<std::string, std::function<std::string(const Sample&)>>> tasks = {
      {"okvqa", [](const Sample& s) { return s.references.answers[0]; }},
      {"vizwiz", [](const Sample& s) { return s.references.answers[0]; }},
      {"gqa", [](const Sample& s) { return s.references.answers[0]; }},
      {"vsr", [](const Sample& s) { return s.references.label == 1 ? "true" : "false"; }},
      {"hm", [](const Sample& s) { return s.references.label == 1 ? "yes" : "no"; }},
  };
  for (const auto& [task, perfect] : tasks) {
    std::vector<std::pair<nlohmann::json, std::string>> rows;
    for (const auto& sample : Samples(task, root)) rows.emplace_back(sample.id, perfect(sample));
    auto score =
        ScoreTaskPredictions(ShippedTask(task), root, Predictions(dir.path(), rows), Dialect::kMiniGptV2, {});
    ASSERT_TRUE(score.ok()) << task << ": " << score.error().message;
    EXPECT_EQ(score->report.metrics.at("accuracy"), 100.0) << task;
  }
}

TEST(ScoreTaskPredictions, ChairCountsHallucinatedObjectsWithTheRealTables) {
  const auto shared_chair = testing::SharedDataDir() / "chair";
  VLEVAL_SKIP_UNLESS_EXISTS(shared_chair / "synonyms.txt");
  testing::TempDir dir;
  const auto root = dir.path() / "root";
  ASSERT_TRUE(WriteMiniDataRoot(root).ok());
  // The real tables replace the mini root's own small ones at test time; the project keeps no copy.
  const auto overwrite = std::filesystem::copy_options::overwrite_existing;
  std::filesystem::copy_file(shared_chair / "synonyms.txt", root / "chair" / "synonyms.txt", overwrite);
  std::filesystem::copy(shared_chair / "punkt_tab" / "english", root / "chair" / "punkt_tab" / "english",
                        overwrite);
  // Mini images 2239/2240/2241: instances person/bicycle/car, every caption
  // "A person next to a bicycle."
  const auto predictions = Predictions(
      dir.path(),
      {{2239, "A person rides a bicycle."}, {2240, "A dog sits next to a bicycle."}, {2241, "A car."}});
  auto score = ScoreTaskPredictions(ShippedTask("chair"), root, predictions, Dialect::kMiniGptV2, {});
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->report.metrics.at("chair_s"), 1.0 / 3.0 * 100.0);  // fraction first, as CHAIR does
  EXPECT_EQ(score->report.metrics.at("chair_i"), 20.0);               // dog: 1 of 5 mentions
  EXPECT_EQ(score->report.per_sample, (std::vector<double>{0, 1, 0}));

  auto missing = ScoreTaskPredictions(
      ShippedTask("chair"), root, Predictions(dir.path(), {{2239, "A person."}}), Dialect::kMiniGptV2, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no caption for CHAIR image 2240"), std::string::npos);
}

}  // namespace
}  // namespace vleval
