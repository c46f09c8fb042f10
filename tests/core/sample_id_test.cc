#include "core/sample_id.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace vleval {
namespace {

// The fast integer path must give exactly what nlohmann's dump gives.
TEST(SampleIdText, IntegersAsTheirDumpStringsAsIs) {
  for (const nlohmann::json& id :
       {nlohmann::json(0), nlohmann::json(42), nlohmann::json(-7), nlohmann::json(262148000),
        nlohmann::json(std::numeric_limits<std::int64_t>::min()),
        nlohmann::json(std::numeric_limits<std::int64_t>::max()),
        nlohmann::json(std::numeric_limits<std::uint64_t>::max()), nlohmann::json(1.5)}) {
    EXPECT_EQ(SampleIdText(id), id.dump());
  }
  EXPECT_EQ(SampleIdText(nlohmann::json("VizWiz_val_00000001.jpg")), "VizWiz_val_00000001.jpg");
  EXPECT_EQ(SampleIdText(nlohmann::json("42")), SampleIdText(nlohmann::json(42)));
}

}  // namespace
}  // namespace vleval
