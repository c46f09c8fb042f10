#include "model/minigptv2/kv_cache.h"

#include <stdexcept>
#include <string>

namespace vleval {

KvCache::KvCache(int64_t layers, int64_t rows, int64_t heads, int64_t capacity, int64_t head_dim,
                 const torch::TensorOptions& options)
    : storage_(torch::empty({layers, 2, rows, heads, capacity, head_dim}, options)) {}

std::pair<torch::Tensor, torch::Tensor> KvCache::Write(int64_t layer, const torch::Tensor& keys,
                                                       const torch::Tensor& values) {
  const int64_t steps = keys.size(2), end = length_ + steps;
  if (end > capacity()) {
    throw std::logic_error("KvCache: " + std::to_string(end) + " positions exceed the capacity " +
                           std::to_string(capacity()));
  }
  const torch::Tensor layer_storage = storage_[layer];
  layer_storage[0].slice(2, length_, end).copy_(keys);
  layer_storage[1].slice(2, length_, end).copy_(values);
  return {layer_storage[0].slice(2, 0, end), layer_storage[1].slice(2, 0, end)};
}

KvCache KvCache::Gather(const torch::Tensor& rows, int64_t capacity) const {
  KvCache gathered;
  auto sizes = storage_.sizes().vec();
  sizes[2] = rows.size(0);
  sizes[4] = capacity;
  gathered.storage_ = torch::empty(sizes, storage_.options());
  gathered.storage_.slice(4, 0, length_).copy_(storage_.slice(4, 0, length_).index_select(2, rows));
  gathered.length_ = length_;
  return gathered;
}

}  // namespace vleval
