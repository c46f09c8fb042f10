// The preallocated key/value cache: written in place at its end, views of
// what is written, row gathers that copy, and an overflow that is an error.
#include "model/minigptv2/kv_cache.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(KvCache, WritesAtTheEndAndReturnsEverythingWrittenSoFar) {
  KvCache cache(2, 1, 1, 4, 2, torch::TensorOptions().dtype(torch::kFloat32));
  EXPECT_EQ(cache.capacity(), 4);
  const torch::Tensor first = torch::ones({1, 1, 3, 2});
  for (int64_t layer = 0; layer < 2; ++layer) cache.Write(layer, first, first * 2);
  cache.Advance(3);
  const auto [keys, values] =
      cache.Write(1, torch::full({1, 1, 1, 2}, 5.0f), torch::full({1, 1, 1, 2}, 6.0f));
  ASSERT_EQ(keys.sizes(), torch::IntArrayRef({1, 1, 4, 2}));
  EXPECT_TRUE(torch::equal(keys[0][0][0], torch::ones({2})));
  EXPECT_TRUE(torch::equal(keys[0][0][3], torch::full({2}, 5.0f)));
  EXPECT_TRUE(torch::equal(values[0][0][1], torch::full({2}, 2.0f)));
  EXPECT_TRUE(torch::equal(values[0][0][3], torch::full({2}, 6.0f)));
}

TEST(KvCache, GatherCopiesRowsWithTheirLengthIntoALargerCache) {
  KvCache cache(1, 2, 1, 2, 1, torch::TensorOptions().dtype(torch::kFloat32));
  cache.Write(0, torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).view({2, 1, 2, 1}), torch::zeros({2, 1, 2, 1}));
  cache.Advance(2);
  KvCache gathered = cache.Gather(torch::tensor({1, 1, 0}, torch::kInt64), 3);
  EXPECT_EQ(gathered.rows(), 3);
  EXPECT_EQ(gathered.length(), 2);
  EXPECT_EQ(gathered.capacity(), 3);
  const auto [keys, values] = gathered.Write(0, torch::full({3, 1, 1, 1}, 9.0f), torch::zeros({3, 1, 1, 1}));
  EXPECT_TRUE(
      torch::equal(keys.flatten(), torch::tensor({3.0f, 4.0f, 9.0f, 3.0f, 4.0f, 9.0f, 1.0f, 2.0f, 9.0f})));
  // The original is untouched by writes into the copy.
  const auto [original, unused] = cache.Write(0, torch::zeros({2, 1, 0, 1}), torch::zeros({2, 1, 0, 1}));
  EXPECT_TRUE(torch::equal(original.flatten(), torch::tensor({1.0f, 2.0f, 3.0f, 4.0f})));
}

TEST(KvCache, WritingPastTheCapacityIsAnError) {
  KvCache cache(1, 1, 1, 2, 1, torch::TensorOptions().dtype(torch::kFloat32));
  EXPECT_THROW(cache.Write(0, torch::zeros({1, 1, 3, 1}), torch::zeros({1, 1, 3, 1})), std::logic_error);
}

}  // namespace
}  // namespace vleval
