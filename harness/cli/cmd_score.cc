// `vleval score`: one predictions file of one task, scored under a dialect
// (contract in data_layout.md).
#include <fstream>
#include <iostream>

#include "benchmarks/model_profile.h"
#include "benchmarks/task_catalog.h"
#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/data_prompts.h"
#include "harness/task_scoring.h"

namespace vleval::cli {
namespace {

int Fail(const std::string& message) { return CommandFailure("score", message); }

Status WritePerSample(const std::filesystem::path& path, const TaskScore& score) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error{"cannot write " + path.string()};
  for (std::size_t i = 0; i < score.ids.size(); ++i) {
    out << nlohmann::json{{"id", score.ids[i]}, {"score", score.report.per_sample.at(i)}}.dump() << "\n";
  }
  if (!out.flush()) return Error{"cannot write " + path.string()};
  return {};
}

int RunScore(const std::vector<std::string>& args) {
  po::options_description options("vleval score options");
  std::string task_name, data_root_option, predictions_path, dialect_option, per_sample, configs;
  std::string box_codec, model_config;
  int threads = 0;
  options.add_options()("task", po::value(&task_name)->required(), "task name (see vleval tasks)")(
      "data-root", po::value(&data_root_option), "data root (default: $VLEVAL_DATA)")(
      "predictions", po::value(&predictions_path)->required(),
      "predictions JSONL, or the OK-VQA answer file of the MiniGPT-v2 scripts")(
      "dialect", po::value(&dialect_option), "minigptv2 | official (default: the task's)")(
      "per-sample", po::value(&per_sample), "write {\"id\", \"score\"} per sample to this JSONL file")(
      "model-config", po::value(&model_config),
      "model config whose box codec the REC outputs use (the one the run used; default: MiniGPT-v2's "
      "codec, minigptv2)")(
      "box-codec", po::value(&box_codec),
      "REC output format, instead of the model config's: minigptv2 | unit_floats | grid1000")(
      "threads", po::value(&threads), "scoring threads (0 = all); results do not depend on it")(
      "configs", po::value(&configs), "configs folder");
  po::variables_map values;
  if (auto stop =
          ParseCommandOptions("score",
                              "vleval score --task T --data-root D --predictions P "
                              "[--dialect minigptv2|official] [--model-config FILE] [--per-sample OUT.jsonl]",
                              options, {}, args, values, std::cout, std::cerr))
    return *stop;
  if (auto bad = CheckRange("score", "threads", threads, 0, MaxThreadsOption())) return *bad;
  auto catalog = LoadTaskCatalog(configs);
  if (!catalog) return Fail(catalog.error().message);
  auto task = catalog->FindTask(task_name);
  if (!task) {
    std::cerr << "vleval score: " << task.error().message << "\n";
    return kExitUsage;
  }
  auto dialect = ParseDialect(dialect_option.empty() ? (*task)->dialect : dialect_option);
  if (!dialect) {
    std::cerr << "vleval score: " << dialect.error().message << "\n";
    return kExitUsage;
  }
  auto data_root = ResolveDataRoot(data_root_option);
  if (!data_root) return Fail(data_root.error().message);
  ScoringOptions scoring;
  scoring.max_threads = threads;
  if (box_codec.empty() && !model_config.empty()) {
    auto model = LoadModelProfile(model_config);
    if (!model) return Fail(model.error().message);
    box_codec = model->box_codec;
  }
  if (box_codec.empty()) box_codec = "minigptv2";  // MiniGPT-v2's own outputs
  scoring.box_codec = box_codec;
  auto score = ScoreTaskPredictions(**task, *data_root, predictions_path, *dialect, scoring);
  if (!score) return Fail(score.error().message);
  for (const auto& warning : score->warnings) std::cerr << "vleval score: note: " << warning << "\n";
  if (score->missing_predictions != 0) {
    std::cerr << "vleval score: note: " << score->missing_predictions << " of " << score->ids.size()
              << " samples have no prediction in " << predictions_path << " (scored as empty output)\n";
  }
  if (!per_sample.empty()) {
    if (auto status = WritePerSample(per_sample, *score); !status) return Fail(status.message());
  }
  std::cout << TaskScoreJson(*score).dump() << "\n";
  return kExitOk;
}

}  // namespace

Command ScoreCommand() { return {"score", "score a predictions file under a dialect", RunScore}; }

}  // namespace vleval::cli
