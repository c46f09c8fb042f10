// Kill-and-resume: a run killed with SIGKILL part way (in a forked child, so
// the kill is real) and resumed, with a torn last line added for good
// measure, ends with the same bytes as an uninterrupted run, and the resumed
// run does not recompute finished samples. Kept alone in its executable: the
// fork must happen before this process starts any TBB threads.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

std::size_t LineCount(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  return text.ok() ? static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')) : 0;
}

TEST(RunResume, AKilledRunResumesToTheBytesOfAnUninterruptedRun) {
  testing::TempDir dir;
  const auto data = dir.path() / "data";
  ASSERT_TRUE(WriteMiniDataRoot(data).ok());
  RunRequest request;
  request.tasks = {"okvqa", "vsr", "hm", "refcoco_val"};
  request.data_root = data;
  request.batch_size = 1;
  const auto killed = dir.path() / "killed";

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    testing::FakeBackend slow;
    slow.delay = std::chrono::milliseconds(150);
    testing::RunWithFake(request, killed, slow);
    ::_exit(0);
  }
  const auto first = killed / "predictions" / "okvqa.jsonl";
  for (int i = 0; i < 400 && LineCount(first) < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it was killed";
  ASSERT_FALSE(std::filesystem::exists(killed / "results.json"));
  const std::size_t done_before = LineCount(first);
  ASSERT_GE(done_before, 2u);
  std::ofstream(first, std::ios::app) << "{\"id\":9,\"prompt\":\"<s>[INST] <Im";  // a torn write

  testing::FakeBackend resumed;
  ASSERT_TRUE(testing::RunWithFake(request, killed, resumed).finished);
  testing::FakeBackend full;
  const auto reference = dir.path() / "full";
  ASSERT_TRUE(testing::RunWithFake(request, reference, full).finished);
  EXPECT_LT(resumed.calls, full.calls);  // finished samples were not recomputed
  EXPECT_EQ(*ReadTextFile(killed / "results.json"), *ReadTextFile(reference / "results.json"));
  for (const char* entry : {"okvqa", "vsr", "hm", "refcoco_val"}) {
    const std::string name = std::string(entry) + ".jsonl";
    EXPECT_EQ(*ReadTextFile(killed / "predictions" / name), *ReadTextFile(reference / "predictions" / name))
        << entry;
    EXPECT_EQ(*ReadTextFile(killed / "per_sample" / name), *ReadTextFile(reference / "per_sample" / name))
        << entry;
  }
}

}  // namespace
}  // namespace vleval
