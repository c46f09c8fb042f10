// The key/value cache of one batch, allocated once at its full length and
// written in place: storage [layers, 2 (keys, values), rows, heads, capacity,
// head_dim] in the model's compute dtype on its device. Positions
// [0, length()) hold keys and values; a forward pass of T steps writes
// [length(), length() + T) in every layer, then Advance(T) moves the end.
// Owns its storage; a Gather() copy is independent of the original.
#pragma once

#include <cstdint>

#include <torch/torch.h>

namespace vleval {

class KvCache {
 public:
  KvCache() = default;
  KvCache(int64_t layers, int64_t rows, int64_t heads, int64_t capacity, int64_t head_dim,
          const torch::TensorOptions& options);

  int64_t rows() const { return storage_.defined() ? storage_.size(2) : 0; }
  int64_t capacity() const { return storage_.defined() ? storage_.size(4) : 0; }
  int64_t length() const { return length_; }

  // Writes keys and values [rows, heads, T, head_dim] of `layer` at
  // [length(), length() + T) and returns the views of positions
  // [0, length() + T) (keys, values). T must fit: length() + T <= capacity().
  std::pair<torch::Tensor, torch::Tensor> Write(int64_t layer, const torch::Tensor& keys,
                                                const torch::Tensor& values);
  // Marks T more positions as written (after every layer wrote them).
  void Advance(int64_t steps) { length_ += steps; }

  // A new cache whose row i is row `rows[i]` (int64 on the cache's device) of
  // this one, with the same length and `capacity` >= length() positions.
  KvCache Gather(const torch::Tensor& rows, int64_t capacity) const;

 private:
  torch::Tensor storage_;
  int64_t length_ = 0;
};

}  // namespace vleval
