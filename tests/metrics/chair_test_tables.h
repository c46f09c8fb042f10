// Test helper: the real CHAIR tables (synonyms.txt and punkt_tab/english from
// ../shared/data/chair), parsed once per test executable.
#pragma once

#include <optional>

#include "benchmarks/chair_references.h"
#include "metrics/chair/chair_metric.h"
#include "tests/support/testing.h"

namespace vleval::chair {

inline std::filesystem::path ChairDataDir() { return testing::SharedDataDir() / "chair"; }

// The resource map, or nullopt when the shared data is absent.
inline std::optional<std::map<std::string, std::string>> RealChairResources() {
  if (!std::filesystem::exists(ChairDataDir() / "synonyms.txt")) return std::nullopt;
  auto resources =
      ReadChairResources(ChairDataDir() / "synonyms.txt", ChairDataDir() / "punkt_tab" / "english");
  if (!resources.ok()) return std::nullopt;
  return *resources;
}

// Parsed tables (nullptr when the shared data is absent).
inline const ChairTables* RealChairTables() {
  static const std::optional<ChairTables> tables = []() -> std::optional<ChairTables> {
    auto resources = RealChairResources();
    if (!resources) return std::nullopt;
    auto parsed = ChairTablesFromResources(*resources);
    if (!parsed.ok()) return std::nullopt;
    return *parsed;
  }();
  return tables ? &*tables : nullptr;
}

#define VLEVAL_REQUIRE_CHAIR_TABLES(tables)                   \
  const ChairTables* tables = RealChairTables();              \
  VLEVAL_SKIP_UNLESS_EXISTS(ChairDataDir() / "synonyms.txt"); \
  ASSERT_NE(tables, nullptr) << "the CHAIR tables failed to parse"

}  // namespace vleval::chair
