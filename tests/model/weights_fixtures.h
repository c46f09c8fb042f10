// Test support for the weight readers: runs scripts/make-weight-fixtures
// (Debian python3-torch) once per version of the script and reuses its output
// from a cache folder in the system temp dir, so the many test processes of
// gtest_discover_tests do not each start Python. The fixtures are read-only
// for tests: copy a file before damaging it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval::testing {

struct WeightFixtures {
  std::filesystem::path dir;  // empty when the fixtures could not be made
  nlohmann::json expected;    // {file: {tensor: {"dtype", "shape", "values"}}}
  std::string why_not;        // the reason when dir is empty
  bool skip = false;          // true when python3-torch is absent (skip, not fail)
};

inline WeightFixtures MakeWeightFixtures() {
  WeightFixtures fixtures;
  const auto script = SourceDir() / "scripts" / "make-weight-fixtures";
  auto text = ReadTextFile(script);
  if (!text) {
    fixtures.why_not = text.error().message;
    return fixtures;
  }
  const auto cache = std::filesystem::temp_directory_path() /
                     ("vleval-weight-fixtures-" + std::to_string(std::hash<std::string>{}(*text)));
  if (!std::filesystem::exists(cache / "expected.json")) {
    if (RunCommand("/usr/bin/python3 -c 'import torch'").exit_code != 0) {
      fixtures.why_not = "Debian python3-torch is absent (/usr/bin/python3 -c 'import torch' fails)";
      fixtures.skip = true;
      return fixtures;
    }
    // Written beside the cache, then renamed into place: concurrent test
    // processes either win the rename or use the winner's identical output.
    const auto partial = cache.string() + ".partial-" + std::to_string(::getpid());
    const auto run = RunCommand("/usr/bin/python3 " + script.string() + " " + partial);
    if (run.exit_code != 0) {
      fixtures.why_not = "make-weight-fixtures failed: " + run.err;
      return fixtures;
    }
    std::error_code ignored;
    if (!std::filesystem::exists(cache / "expected.json")) std::filesystem::remove_all(cache, ignored);
    std::filesystem::rename(partial, cache, ignored);
    std::filesystem::remove_all(partial, ignored);
  }
  auto expected = ReadJsonFile(cache / "expected.json");
  if (!expected) {
    fixtures.why_not = expected.error().message;
    return fixtures;
  }
  fixtures.dir = cache;
  fixtures.expected = std::move(*expected);
  return fixtures;
}

// A test suite over the weight fixtures (made once per executable) with a
// scratch folder of its own: tests skip when the fixtures cannot be made here
// (no python torch) and fail when making them failed.
class WeightFixturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new TempDir();
    fixtures_ = new WeightFixtures(MakeWeightFixtures());
  }
  static void TearDownTestSuite() {
    delete fixtures_;
    delete scratch_;
  }
  void SetUp() override {
    if (fixtures_->skip) GTEST_SKIP() << fixtures_->why_not;
    ASSERT_FALSE(fixtures_->dir.empty()) << fixtures_->why_not;
  }
  static inline TempDir* scratch_ = nullptr;
  static inline WeightFixtures* fixtures_ = nullptr;
};

}  // namespace vleval::testing
