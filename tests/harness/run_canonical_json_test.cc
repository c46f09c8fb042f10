// The byte format of results.json: sorted keys, two-space indentation, and
// numbers as Python's repr writes them (expected texts from
// /usr/bin/python3 -c "print(repr(x))").
#include "harness/run/canonical_json.h"

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(RunCanonicalJson, FloatsAreWrittenAsPythonRepr) {
  const std::pair<double, const char*> cases[] = {{100.0, "100.0"},
                                                  {0.1, "0.1"},
                                                  {1e-05, "1e-05"},
                                                  {0.0001, "0.0001"},
                                                  {1e16, "1e+16"},
                                                  {1234567890123456.0, "1234567890123456.0"},
                                                  {56.91, "56.91"},
                                                  {-0.0, "-0.0"},
                                                  {2.5e-07, "2.5e-07"},
                                                  {1.7976931348623157e308, "1.7976931348623157e+308"},
                                                  {123456789.125, "123456789.125"}};
  for (const auto& [value, text] : cases) EXPECT_EQ(CanonicalJson(value), std::string(text) + "\n") << text;
}

TEST(RunCanonicalJson, KeysAreSortedWithTwoSpaceIndentation) {
  const nlohmann::json value = {{"b", {1, 2.5}},
                                {"a", {{"z", nullptr}, {"y", "t\u00e9xt"}}},
                                {"c", nlohmann::json::object()},
                                {"d", nlohmann::json::array()}};
  EXPECT_EQ(
      CanonicalJson(value),
      "{\n  \"a\": {\n    \"y\": \"t\u00e9xt\",\n    \"z\": null\n  },\n  \"b\": [\n    1,\n    2.5\n  ],\n"
      "  \"c\": {},\n  \"d\": []\n}\n");
}

TEST(RunCanonicalJson, AtomicWriteReplacesTheFileAndLeavesNoTemporary) {
  testing::TempDir dir;
  const auto path = dir.path() / "sub" / "results.json";
  ASSERT_TRUE(WriteFileAtomically(path, "one").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "two").ok());
  EXPECT_EQ(*ReadTextFile(path), "two");
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

}  // namespace
}  // namespace vleval
