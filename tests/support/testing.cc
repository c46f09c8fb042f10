#include "tests/support/testing.h"

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>

namespace vleval::testing {

std::filesystem::path SourceDir() { return VLEVAL_TEST_SOURCE_DIR; }

std::filesystem::path SharedDataDir() {
  if (const char* env = std::getenv("VLEVAL_SHARED_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  return SourceDir().parent_path() / "shared" / "data";
}

TempDir::TempDir() {
  std::random_device seed;
  std::mt19937_64 random(seed());
  const auto base = std::filesystem::temp_directory_path();
  do {
    path_ = base / ("vleval-test-" + std::to_string(random()));
  } while (!std::filesystem::create_directory(path_));
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult RunCommand(const std::string& command) {
  TempDir scratch;
  const auto out_path = scratch.path() / "out";
  const auto err_path = scratch.path() / "err";
  const std::string full = command + " >" + out_path.string() + " 2>" + err_path.string();
  CommandResult result;
  const int status = std::system(full.c_str());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  return result;
}

bool HaveProgram(const std::string& program) { return RunCommand("command -v " + program).exit_code == 0; }

std::filesystem::path MakeTinyTokenizer(const std::filesystem::path& dir) {
  if (!HaveProgram("spm_train")) return {};
  const auto corpus = dir / "corpus.txt";
  {
    std::ofstream out(corpus);
    const char* lines[] = {
        "[INST] <Img><ImageHere></Img> [vqa] Based on the image, respond to this question with a short "
        "answer: what is the man holding? [/INST]",
        "[refer] give me the location of the woman in the red shirt on the left",
        "Based on the image, is this statement true or false? The cat is on the table.",
        "This is an image writting 'hello world'. Is this image hateful? Answer yes or no. Answer:",
        "{<12><34><56><78>} the dog is next to the bicycle near 2 chairs and 13 cups",
        "[caption] briefly describe the image. A kitchen with a stove, a sink and a refrigerator.",
    };
    for (int repeat = 0; repeat < 40; ++repeat) {
      for (const char* line : lines) out << line << "\n";
    }
  }
  const auto prefix = dir / "tiny";
  const std::string command =
      "spm_train --input=" + corpus.string() + " --model_prefix=" + prefix.string() +
      " --vocab_size=400 --model_type=bpe --byte_fallback=true --character_coverage=1.0"
      " --split_digits=true --unk_id=0 --bos_id=1 --eos_id=2 --pad_id=-1"
      " --num_threads=1 --minloglevel=2";
  if (RunCommand(command).exit_code != 0) return {};
  return prefix.string() + ".model";
}

}  // namespace vleval::testing
