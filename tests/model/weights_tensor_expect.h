// Exact comparison of a loaded tensor with the description written by
// scripts/make-weight-fixtures: dtype, shape and every element.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "model/weights/stored_dtype.h"
#include "model/weights/tensor_from_mapping.h"

namespace vleval::testing {

inline void ExpectTensorMatches(const torch::Tensor& tensor, const nlohmann::json& expected,
                                const std::string& name) {
  SCOPED_TRACE(name);
  const auto dtype = ToStoredDtype(tensor.scalar_type());
  ASSERT_TRUE(dtype.has_value());
  EXPECT_EQ(std::string(SafetensorsName(*dtype)), expected.at("dtype").get<std::string>());
  EXPECT_EQ(tensor.sizes().vec(), expected.at("shape").get<std::vector<std::int64_t>>());
  const auto values = tensor.to(torch::kFloat64).contiguous().flatten();
  const auto wanted = expected.at("values").get<std::vector<double>>();
  ASSERT_EQ(values.numel(), static_cast<std::int64_t>(wanted.size()));
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    ASSERT_EQ(values[static_cast<std::int64_t>(i)].item<double>(), wanted[i]) << "element " << i;
  }
}

}  // namespace vleval::testing
