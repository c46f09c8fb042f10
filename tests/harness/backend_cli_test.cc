// The backends as the command line meets them: options and --help of run,
// generate and convert come from the registry, an unknown backend lists the
// known ones, an option of another backend is a usage error, and the vleval
// executable loads libtorch only when a command opens the MiniGPT-v2 backend.
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

testing::CommandResult Vleval(const std::string& args) {
  return testing::RunCommand(std::string(VLEVAL_BINARY) + " " + args);
}

TEST(BackendCli, RunGenerateAndConvertHelpListTheRegistryOptions) {
  for (const char* command : {"run", "generate", "convert"}) {
    const auto help = Vleval(std::string(command) + " --help");
    ASSERT_EQ(help.exit_code, 0) << command << ": " << help.err;
    EXPECT_NE(help.out.find("backend options"), std::string::npos) << command;
    for (const char* option : {"--backend", "--llama", "--vit", "--checkpoint", "--device", "--dtype"})
      EXPECT_NE(help.out.find(option), std::string::npos) << command << " lacks " << option;
    EXPECT_NE(help.out.find("minigptv2 (default)"), std::string::npos) << command;
  }
  const auto run = Vleval("run --help");
  EXPECT_NE(run.out.find("--replay"), std::string::npos);
  EXPECT_NE(run.out.find("[minigptv2] Llama-2-7b-chat-hf folder"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("cpu | cuda | cuda:N (default: cpu)"), std::string::npos) << run.out;
  EXPECT_EQ(Vleval("generate --help").out.find("--replay"), std::string::npos);  // replay makes no text
}

TEST(BackendCli, AnUnknownBackendIsAUsageErrorListingTheKnownOnes) {
  for (const char* command :
       {"run --tasks vsr --out /nonexistent/run", "generate --image x.png --prompt hi"}) {
    const auto result = Vleval(std::string(command) + " --backend minigpt");
    EXPECT_EQ(result.exit_code, 2) << command;
    EXPECT_NE(result.err.find("unknown backend 'minigpt'"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("minigptv2"), std::string::npos) << result.err;
  }
  const auto run = Vleval("run --tasks vsr --out /nonexistent/run --backend bogus");
  EXPECT_NE(run.err.find("replay"), std::string::npos) << run.err;
}

TEST(BackendCli, AnOptionOfAnotherBackendIsAUsageErrorNamingBoth) {
  const auto result =
      Vleval("run --tasks vsr --out /nonexistent/run --backend replay --replay x --vit y.pth");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--vit is an option of backend minigptv2, not of replay"), std::string::npos)
      << result.err;
}

// LD_DEBUG=files makes the dynamic loader report every library it maps,
// those of dlopen included: `score` maps no libtorch, `version` (which asks
// the MiniGPT-v2 plug-in for its runtime) does, so the check can fail.
TEST(BackendCli, ScoreNeverLoadsLibtorchAndTheExecutableDoesNotLinkIt) {
  testing::TempDir dir;
  const auto mini = dir.path() / "mini";
  ASSERT_EQ(Vleval("data make-mini --out " + mini.string()).exit_code, 0);
  const auto predictions = dir.path() / "vsr.jsonl";
  {
    std::ofstream out(predictions);
    for (int i = 0; i < 3; ++i) out << "{\"id\": " << i << ", \"output\": \"true\"}\n";
  }
  const auto score =
      testing::RunCommand("LD_DEBUG=files " + std::string(VLEVAL_BINARY) + " score --task vsr --data-root " +
                          mini.string() + " --predictions " + predictions.string());
  ASSERT_EQ(score.exit_code, 0) << score.err;
  EXPECT_NE(score.err.find("file=libtbb"), std::string::npos) << "precondition: LD_DEBUG reports libraries";
  EXPECT_EQ(score.err.find("libtorch"), std::string::npos) << "vleval score loaded libtorch";
  EXPECT_EQ(score.err.find("libc10"), std::string::npos);

  const auto version = testing::RunCommand("LD_DEBUG=files " + std::string(VLEVAL_BINARY) + " version");
  ASSERT_EQ(version.exit_code, 0) << version.err;
  EXPECT_NE(version.err.find("libvleval_minigptv2.so"), std::string::npos);
  EXPECT_NE(version.err.find("libtorch"), std::string::npos);
  EXPECT_NE(version.out.find("\"torch\":"), std::string::npos) << version.out;

  const auto needed = testing::RunCommand("ldd " + std::string(VLEVAL_BINARY));
  ASSERT_EQ(needed.exit_code, 0);
  EXPECT_EQ(needed.out.find("torch"), std::string::npos) << needed.out;
}

}  // namespace
}  // namespace vleval
