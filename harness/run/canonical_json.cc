#include "harness/run/canonical_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <charconv>

namespace vleval {
namespace {

// Python's repr(float): the shortest round-trip digits, positional when the
// decimal exponent is in [-4, 16), else d.ddde+XX; always a '.' or 'e'.
std::string PythonFloatRepr(double value) {
  char buffer[64];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  const std::string text(buffer, end);  // "-1.2345e+02"
  const auto e = text.find('e');
  const bool negative = text[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
    if (text[i] != '.') digits += text[i];
  }
  const int exponent = std::stoi(text.substr(e + 1));
  std::string out = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (digits.size() <= static_cast<std::size_t>(exponent) + 1) {
      out += digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
             digits.substr(static_cast<std::size_t>(exponent) + 1);
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char exponent_text[16];
  std::snprintf(exponent_text, sizeof exponent_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  return out + exponent_text;
}

void Write(const nlohmann::json& value, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      if (value.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, item] : value.items()) {  // std::map: sorted keys
        if (!first) out += ",\n";
        first = false;
        out += pad + nlohmann::json(key).dump() + ": ";
        Write(item, indent + 2, out);
      }
      out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "}";
      return;
    }
    case nlohmann::json::value_t::array: {
      if (value.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i != 0) out += ",\n";
        out += pad;
        Write(value[i], indent + 2, out);
      }
      out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "]";
      return;
    }
    case nlohmann::json::value_t::number_float: {
      const double number = value.get<double>();
      out += std::isfinite(number) ? PythonFloatRepr(number) : "null";
      return;
    }
    default:
      out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

}  // namespace

std::string CanonicalJson(const nlohmann::json& value) {
  std::string out;
  Write(value, 0, out);
  return out + "\n";
}

Status WriteFileAtomically(const std::filesystem::path& path, const std::string& bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return Error{"cannot create " + path.parent_path().string() + ": " + error.message()};
  const auto temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) return Error{"cannot write " + temporary};
  }
  std::filesystem::rename(temporary, path, error);
  if (error) return Error{"cannot write " + path.string() + ": " + error.message()};
  return {};
}

}  // namespace vleval
