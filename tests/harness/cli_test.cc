// The `vleval` executable as a user meets it: help, exit codes, errors.
#include <gtest/gtest.h>

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
  for (const char* name : {"okvqa", "gqa", "vsr", "iconvqa", "vizwiz", "hm", "refcoco_testB", "refcoco+_val",
                           "refcocog_test", "chair", "paper-table2", "paper-table3", "paper-table4",
                           "paper-table5", "demo"}) {
    EXPECT_NE(result.out.find(name), std::string::npos) << name;
  }
}

TEST(Cli, TasksWithMissingConfigsFolderFailsNamingIt) {
  const auto result = Vleval("tasks --configs /nonexistent/configs");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/nonexistent/configs"), std::string::npos);
}

TEST(Cli, UnbuiltCommandSaysSoAndExitsTwo) {
  const auto result = Vleval("history --task okvqa");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("vleval history: not built yet"), std::string::npos);
}

TEST(Cli, VersionReportsTheTorchRuntime) {
  const auto result = Vleval("version");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"torch\":"), std::string::npos);
}

}  // namespace
}  // namespace vleval
