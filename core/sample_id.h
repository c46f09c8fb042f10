// Sample ids as text. Predictions, per-sample scores and reports match a
// sample by the text of its id: a JSON string as is, any other JSON value
// (an integer id) as its JSON dump, so 42 and "42" name the same sample.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace vleval {

inline std::string SampleIdText(const nlohmann::json& id) {
  if (id.is_string()) return id.get<std::string>();
  // An integer's dump, without nlohmann's serializer (ids come by the 100,000).
  if (id.is_number_unsigned()) return std::to_string(id.get<std::uint64_t>());
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  return id.dump();
}

}  // namespace vleval
