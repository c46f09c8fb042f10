// Test support shared by every test executable: where the project and the
// shared real data are, temporary folders, running commands, and the tiny
// tokenizer model that tests train with spm_train.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace vleval::testing {

// The project's source tree (compile-time path).
std::filesystem::path SourceDir();

// ../shared/data beside the project, or $VLEVAL_SHARED_DATA. May not exist.
std::filesystem::path SharedDataDir();

// Skips the current test with a message when `path` does not exist.
#define VLEVAL_SKIP_UNLESS_EXISTS(path)                               \
  do {                                                                \
    if (!std::filesystem::exists(path)) {                             \
      GTEST_SKIP() << "skipped: " << (path).string() << " is absent"; \
    }                                                                 \
  } while (0)

// A fresh folder under the system temp dir, removed with its contents on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Output and exit status of a shell command.
struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` with /bin/sh, capturing stdout and stderr.
CommandResult RunCommand(const std::string& command);

// True when `program` is on the PATH.
bool HaveProgram(const std::string& program);

// Trains a small BPE sentencepiece model (LLaMA's id layout: unk 0, bos 1,
// eos 2, byte fallback) into `dir`/tiny.model with spm_train, and returns its
// path; empty when spm_train is missing or fails.
std::filesystem::path MakeTinyTokenizer(const std::filesystem::path& dir);

}  // namespace vleval::testing
