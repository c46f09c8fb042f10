// Sample ids as text. Predictions, per-sample scores and reports match a
// sample by the text of its id: a JSON string as is, any other JSON value
// (an integer id) as its JSON dump, so 42 and "42" name the same sample.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace vleval {

inline std::string SampleIdText(const nlohmann::json& id) {
  return id.is_string() ? id.get<std::string>() : id.dump();
}

}  // namespace vleval
