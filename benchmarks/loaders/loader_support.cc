#include "benchmarks/loaders/loader_support.h"

#include <algorithm>
#include <cstdio>

namespace vleval {

Result<std::vector<JsonLine>> ReadJsonLines(const std::filesystem::path& path) {
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  std::vector<JsonLine> lines;
  const std::string_view all(*text);
  std::size_t number = 1;
  for (std::size_t start = 0; start < all.size(); ++number) {
    const std::size_t end = std::min(all.find('\n', start), all.size());
    const std::string_view line = all.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto value = ParseStrictJson(line, path.string() + ":" + std::to_string(number), "malformed JSON line");
    if (!value) return value.error();
    lines.push_back({number, std::move(*value)});
  }
  return lines;
}

RecordReader::RecordReader(const nlohmann::json& record, std::string where)
    : record_(record), where_(std::move(where)) {
  if (!record_.is_object())
    error_ = where_ + ": expected a JSON object, got " + std::string(record_.type_name());
}

const nlohmann::json* RecordReader::Get(std::string_view key, bool (*accept)(const nlohmann::json&),
                                        const char* type) {
  if (!error_.empty()) return nullptr;
  auto it = record_.find(key);
  if (it == record_.end()) {
    error_ = where_ + ": '" + std::string(key) + "' is missing";
    return nullptr;
  }
  if (!accept(*it)) {
    error_ = where_ + ": '" + std::string(key) + "' must be " + type + ", got " + JsonPreview(*it);
    return nullptr;
  }
  return &*it;
}

std::string RecordReader::String(std::string_view key) {
  const auto* value = Get(
      key, [](const nlohmann::json& v) { return v.is_string(); }, "a string");
  return value ? value->get<std::string>() : std::string();
}

std::int64_t RecordReader::Int(std::string_view key) {
  const auto* value = Get(
      key, [](const nlohmann::json& v) { return v.is_number_integer(); }, "an integer");
  if (value == nullptr) return 0;
  const auto number = JsonInt64(*value);
  if (!number) error_ = where_ + ": '" + std::string(key) + "' is out of the 64-bit integer range";
  return number.value_or(0);
}

const nlohmann::json& RecordReader::Array(std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const auto* value = Get(
      key, [](const nlohmann::json& v) { return v.is_array(); }, "an array");
  return value ? *value : kEmpty;
}

std::string RecordReader::IdText(std::string_view key) {
  const auto* value = Get(
      key, [](const nlohmann::json& v) { return v.is_string() || v.is_number_integer(); },
      "a string or an integer");
  if (value == nullptr) return {};
  if (value->is_string()) return value->get<std::string>();
  const auto number = JsonInt64(*value);
  if (!number) error_ = where_ + ": '" + std::string(key) + "' is out of the 64-bit integer range";
  return number ? std::to_string(*number) : std::string();
}

Status RecordReader::Finish() const {
  if (error_.empty()) return {};
  return Error{error_};
}

LoaderOptions::LoaderOptions(const nlohmann::json& options, std::filesystem::path data_root,
                             const std::string& task)
    : options_(options.is_null() ? nlohmann::json::object() : options),
      data_root_(std::move(data_root)),
      reader_(options_, "task '" + task + "' loader_options") {}

std::filesystem::path LoaderOptions::Under(std::string_view relative) const {
  const std::filesystem::path path(relative);
  return path.is_absolute() ? path : data_root_ / path;
}

std::filesystem::path LoaderOptions::File(std::string_view key,
                                          std::initializer_list<std::string_view> defaults) {
  const std::string given = reader_.OptionalString(key);
  if (!given.empty()) return Under(given);
  for (auto candidate : defaults) {
    std::error_code error;
    if (std::filesystem::exists(Under(candidate), error)) return Under(candidate);
  }
  return Under(*defaults.begin());
}

std::vector<std::filesystem::path> LoaderOptions::ImageDirs(
    std::initializer_list<std::string_view> defaults) {
  std::vector<std::filesystem::path> dirs;
  const auto* given = reader_.Child("image_dirs");
  if (given != nullptr && given->is_array()) {
    for (const auto& dir : *given) {
      if (dir.is_string()) dirs.push_back(Under(dir.get<std::string>()));
    }
  }
  if (!dirs.empty()) return dirs;
  for (auto dir : defaults) dirs.push_back(Under(dir));
  return dirs;
}

bool LoaderOptions::ImageDirsGiven() const { return options_.is_object() && options_.contains("image_dirs"); }

std::string LoaderOptions::String(std::string_view key, std::string fallback) {
  return reader_.OptionalString(key, std::move(fallback));
}

Status LoaderOptions::Finish() {
  const auto* dirs = options_.is_object() ? &options_ : nullptr;
  if (dirs != nullptr && dirs->contains("image_dirs")) {
    const auto& value = (*dirs)["image_dirs"];
    bool valid = value.is_array() && !value.empty();
    for (const auto& dir : value) valid = valid && dir.is_string();
    if (!valid) return Error{"loader_options 'image_dirs' must be a non-empty array of strings"};
  }
  return reader_.Finish();
}

std::string OptionalText(const nlohmann::json& record, std::string_view key) {
  if (!record.is_object()) return {};
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::filesystem::path> ImageCandidates(const std::vector<std::filesystem::path>& dirs,
                                                   const std::vector<std::string>& names) {
  std::vector<std::filesystem::path> paths;
  for (const auto& dir : dirs) {
    for (const auto& name : names) paths.push_back(dir / name);
  }
  return paths;
}

std::vector<std::filesystem::path> CocoCandidates(const std::vector<std::filesystem::path>& dirs, bool given,
                                                  std::string_view split_2014, std::int64_t image_id) {
  std::vector<std::filesystem::path> paths;
  for (const auto& dir : dirs) {
    const std::string folder = dir.filename().string();
    const bool is_2014 = folder.size() >= 4 && folder.substr(folder.size() - 4) == "2014";
    if (given || is_2014) paths.push_back(dir / Coco2014Name(split_2014, image_id));
    if (given || !is_2014) paths.push_back(dir / Coco2017Name(image_id));
  }
  return paths;
}

nlohmann::json IdFromText(const std::string& text) {
  const bool digits = !text.empty() && text.size() <= 18 && (text == "0" || text[0] != '0') &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) return std::stoll(text);
  return text;
}

std::string Coco2014Name(std::string_view split, std::int64_t image_id) {
  return "COCO_" + std::string(split) + "_" + Coco2017Name(image_id).substr(0, 12) + ".jpg";
}

std::string Coco2017Name(std::int64_t image_id) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%012lld.jpg", static_cast<long long>(image_id));
  return buffer;
}

std::optional<std::int64_t> CocoIdFromName(std::string_view name) {
  if (name.size() < 16 || name.substr(name.size() - 4) != ".jpg") return std::nullopt;
  const std::string_view digits = name.substr(name.size() - 16, 12);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const std::string_view prefix = name.substr(0, name.size() - 16);
  if (!prefix.empty() && prefix != "COCO_val2014_" && prefix != "COCO_train2014_") return std::nullopt;
  return std::stoll(std::string(digits));
}

}  // namespace vleval
