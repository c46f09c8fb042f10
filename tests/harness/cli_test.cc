// The `vleval` executable as a user meets it: help, exit codes, errors.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace vleval {
namespace {

testing::CommandResult Vleval(const std::string& args) {
  return testing::RunCommand(std::string(VLEVAL_BINARY) + " " + args);
}

TEST(Cli, HelpListsTheCommandsAndExitsZero) {
  const auto result = Vleval("--help");
  EXPECT_EQ(result.exit_code, 0);
  for (const char* command : {"tasks", "score", "preprocess", "generate", "run", "compare", "version"}) {
    EXPECT_NE(result.out.find("  " + std::string(command)), std::string::npos) << command;
  }
}

TEST(Cli, NoArgumentsPrintsHelpAndExitsTwo) {
  const auto result = Vleval("");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("usage: vleval <command>"), std::string::npos);
}

TEST(Cli, UnknownCommandSuggestsTheClosestAndExitsTwo) {
  const auto result = Vleval("taks");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown command 'taks'; did you mean 'tasks'?"), std::string::npos);
}

TEST(Cli, UnknownOptionIsAClearErrorWithExitTwo) {
  const auto result = Vleval("tasks --bogus");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("vleval tasks: unrecognised option '--bogus'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Try 'vleval tasks --help'."), std::string::npos);
}

TEST(Cli, CommandHelpShowsItsOptions) {
  const auto result = Vleval("tasks --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--configs"), std::string::npos);
  EXPECT_NE(result.out.find("--json"), std::string::npos);
}

TEST(Cli, TasksListsEveryTaskAndSuite) {
  const auto result = Vleval("tasks");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* name :
       {"okvqa", "gqa", "vsr", "iconvqa", "vizwiz", "hm", "refcoco_testB", "refcoco+_val", "refcocog_test",
        "chair", "paper-table2", "paper-table3", "paper-table4", "paper-table5", "demo"}) {
    EXPECT_NE(result.out.find(name), std::string::npos) << name;
  }
}

TEST(Cli, TasksWithMissingConfigsFolderFailsNamingIt) {
  const auto result = Vleval("tasks --configs /nonexistent/configs");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/nonexistent/configs"), std::string::npos);
}

TEST(Cli, ScorePrintsTheDataLayoutJsonAndPerSampleFile) {
  const auto root = testing::SharedDataDir();
  VLEVAL_SKIP_UNLESS_EXISTS(root / "vsr" / "zeroshot_test.jsonl");
  testing::TempDir dir;
  const auto predictions = dir.path() / "vsr.jsonl";
  {
    std::ofstream out(predictions);
    for (int i = 0; i < 1222; ++i) out << nlohmann::json{{"id", i}, {"output", "false"}}.dump() << "\n";
  }
  const auto per_sample = dir.path() / "per_sample.jsonl";
  const auto result = Vleval("score --task vsr --data-root " + root.string() + " --predictions " +
                             predictions.string() + " --per-sample " + per_sample.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json expected = {{"task", "vsr"},
                                   {"dialect", "minigptv2"},
                                   {"n", 1222},
                                   {"metrics", {{"accuracy", 593.0 / 1222.0 * 100.0}}}};
  EXPECT_EQ(result.out, expected.dump() + "\n");
  std::ifstream lines(per_sample);
  std::string row0, row1;
  std::getline(lines, row0);
  std::getline(lines, row1);
  EXPECT_EQ(row0, R"({"id":0,"score":0.0})");  // row 0 of the VSR test split is labelled true
  EXPECT_EQ(row1, R"({"id":1,"score":1.0})");  // row 1 is labelled false
}

TEST(Cli, ScoreWithUnknownTaskOrDialectIsAUsageError) {
  EXPECT_EQ(Vleval("score --task okvqaa --predictions x.jsonl").exit_code, 2);
  EXPECT_EQ(Vleval("score --task okvqa --predictions x.jsonl --dialect lmms").exit_code, 2);
  const auto missing = Vleval("score --task vsr --data-root /nonexistent --predictions x.jsonl");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent"), std::string::npos) << missing.err;
}

TEST(Cli, VersionReportsTheTorchRuntime) {
  const auto result = Vleval("version");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"torch\":"), std::string::npos);
}

TEST(Cli, OutputThatCannotBeWrittenExitsOneNamingStandardOutput) {
  // The inner redirection wins over RunCommand's: stdout is a full disk.
  const auto result = testing::RunCommand("{ " + std::string(VLEVAL_BINARY) + " tasks >/dev/full; }");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("vleval tasks: cannot write to standard output"), std::string::npos)
      << result.err;
}

TEST(Cli, OutOfRangeOptionValuesAreUsageErrors) {
  const auto threads = Vleval("run --tasks vsr --out /nonexistent/run --threads 1000000000");
  EXPECT_EQ(threads.exit_code, 2);
  EXPECT_NE(threads.err.find("vleval run: --threads must be from 0 to "), std::string::npos) << threads.err;
  EXPECT_EQ(Vleval("run --tasks vsr --out /nonexistent/run --threads -1").exit_code, 2);
  EXPECT_EQ(Vleval("run --tasks vsr --out /nonexistent/run --batch-size 100000000").exit_code, 2);
  EXPECT_EQ(Vleval("score --task vsr --predictions x.jsonl --threads 99999999").exit_code, 2);
  const auto size = Vleval("preprocess --image x.jpg --size 2000000000 --stage resized --out x.npy");
  EXPECT_EQ(size.exit_code, 2);
  EXPECT_NE(size.err.find("--size must be from 1 to 13377, got 2000000000 (size x size is at most the "
                          "decompression-bomb limit"),
            std::string::npos)
      << size.err;
  const auto tokens = Vleval("generate --converted x --image x.jpg --prompt hi --max-new-tokens 2147483647");
  EXPECT_EQ(tokens.exit_code, 2);
  EXPECT_NE(tokens.err.find("--max-new-tokens must be from 1 to 4096"), std::string::npos) << tokens.err;
}

TEST(Cli, ADirectoryAsPredictionsIsAnErrorNotAZeroScore) {
  testing::TempDir dir;
  ASSERT_EQ(Vleval("data make-mini --out " + (dir.path() / "mini").string()).exit_code, 0);
  const auto result = Vleval("score --task vsr --data-root " + (dir.path() / "mini").string() +
                             " --predictions " + dir.path().string());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(dir.path().string() + ": a directory, not a regular file"), std::string::npos)
      << result.err;
}

// A served model's REC outputs are scored with the box codec of the model
// config the run used (openai-chat: [x1, y1, x2, y2] on a 0-1000 grid).
TEST(Cli, ScoreTakesTheBoxCodecFromTheModelConfigUnlessBoxCodecIsGiven) {
  testing::TempDir dir;
  const auto mini = dir.path() / "mini";
  ASSERT_EQ(Vleval("data make-mini --out " + mini.string()).exit_code, 0);
  std::ifstream annotations(mini / "refcoco" / "refcoco_val.json");
  const auto rows = nlohmann::json::parse(annotations);
  const auto predictions = dir.path() / "rec.jsonl";
  {
    std::ofstream out(predictions);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& box = rows[i]["bbox"];  // [x, y, w, h] in pixels
      const double w = rows[i]["width"], h = rows[i]["height"];
      auto grid = [](double v, double size) { return std::to_string(static_cast<int>(v / size * 1000.0)); };
      const std::string output = "[" + grid(box[0], w) + ", " + grid(box[1], h) + ", " +
                                 grid(box[0].get<double>() + box[2].get<double>(), w) + ", " +
                                 grid(box[1].get<double>() + box[3].get<double>(), h) + "]";
      out << nlohmann::json{{"id", i}, {"output", output}}.dump() << "\n";
    }
  }
  const std::string score =
      "score --task refcoco_val --data-root " + mini.string() + " --predictions " + predictions.string();
  auto accuracy = [](const testing::CommandResult& result) {
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out)["metrics"]["acc@0.5"].get<double>() : -1;
  };
  const auto served = testing::SourceDir() / "configs" / "models" / "openai-chat.json";
  EXPECT_EQ(accuracy(Vleval(score + " --model-config " + served.string())), 100.0);
  EXPECT_EQ(accuracy(Vleval(score + " --box-codec grid1000")), 100.0);
  EXPECT_EQ(accuracy(Vleval(score)), 0.0);  // MiniGPT-v2's codec reads none of them
  EXPECT_EQ(accuracy(Vleval(score + " --model-config " + served.string() + " --box-codec minigptv2")), 0.0);
  const auto missing = Vleval(score + " --model-config " + (dir.path() / "none.json").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.json"), std::string::npos) << missing.err;
}

TEST(Cli, ConvertRefusesToReplaceADeviceBeforeReadingAnything) {
  const auto result = Vleval("convert --llama /nonexistent --vit x --checkpoint y --out /dev/null");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/dev/null: refusing to replace a device"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace vleval
