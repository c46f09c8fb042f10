// Building blocks shared by the annotation loaders: reading JSON and JSON
// Lines data files with errors that name the file and line, typed field access
// that names the sample, loader_options (file and image folder overrides), and
// image file names (COCO 2014 and 2017).
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_file.h"
#include "core/result.h"

namespace vleval {

// One parsed line of a JSON Lines file; `line` is 1-based.
struct JsonLine {
  std::size_t line = 0;
  nlohmann::json value;
};

// Parses every non-blank line. A malformed line is an error naming the file
// and line number.
Result<std::vector<JsonLine>> ReadJsonLines(const std::filesystem::path& path);

// Typed reads of one annotation record. The first failure is kept as
// "<where>: '<key>' is missing" or "... must be a <type>"; reads after a
// failure return defaults. Extra keys are allowed (published files carry many).
class RecordReader {
 public:
  RecordReader(const nlohmann::json& record, std::string where);

  std::string String(std::string_view key);
  std::int64_t Int(std::string_view key);
  const nlohmann::json& Array(std::string_view key);  // a JSON array (empty on failure)
  // A string or an integer, as text (ids written either way by publishers).
  std::string IdText(std::string_view key);

  // OK, or the first failure.
  Status Finish() const;

 private:
  const nlohmann::json* Get(std::string_view key, bool (*accept)(const nlohmann::json&), const char* type);

  const nlohmann::json& record_;
  std::string where_;
  std::string error_;
};

// A task's loader_options: per-task overrides of annotation files and image
// folders, with unknown keys reported. Relative paths are under the data root.
class LoaderOptions {
 public:
  LoaderOptions(const nlohmann::json& options, std::filesystem::path data_root, const std::string& task);

  // Option `key` when given, else the first of `defaults` that exists (all
  // relative to the data root), else the first default (so the "cannot open"
  // error names the expected file).
  std::filesystem::path File(std::string_view key, std::initializer_list<std::string_view> defaults);
  // Option "image_dirs" (array of folders) when given, else `defaults`.
  std::vector<std::filesystem::path> ImageDirs(std::initializer_list<std::string_view> defaults);
  // True when the config gave "image_dirs".
  bool ImageDirsGiven() const;
  // An optional string option.
  std::string String(std::string_view key, std::string fallback);
  // OK when every given option was known and well typed.
  Status Finish();

 private:
  std::filesystem::path Under(std::string_view relative) const;

  nlohmann::json options_;
  std::filesystem::path data_root_;
  StrictObject reader_;
};

// record[key] when `record` is an object holding a string there, else "".
std::string OptionalText(const nlohmann::json& record, std::string_view key);

// dir/name for every (dir, name) pair, dirs outermost.
std::vector<std::filesystem::path> ImageCandidates(const std::vector<std::filesystem::path>& dirs,
                                                   const std::vector<std::string>& names);

// A sample id from its text: an integer when all digits without a leading
// zero (and at most 18 of them), else the string itself.
nlohmann::json IdFromText(const std::string& text);

// Where COCO image `image_id` may be: a folder whose name ends in "2014" holds
// 2014 names ("COCO_<split_2014>_..."), any other folder 2017 names; folders
// from the config (`given`) are tried with both names.
std::vector<std::filesystem::path> CocoCandidates(const std::vector<std::filesystem::path>& dirs, bool given,
                                                  std::string_view split_2014, std::int64_t image_id);

// COCO file names of image `image_id`: "COCO_<split>_<12 digits>.jpg" (2014
// style, split "train2014" or "val2014") and "<12 digits>.jpg" (2017 style).
std::string Coco2014Name(std::string_view split, std::int64_t image_id);
std::string Coco2017Name(std::int64_t image_id);

// The COCO image id in a file name of either style ("000000002239.jpg",
// "COCO_val2014_000000002239.jpg"), or nullopt.
std::optional<std::int64_t> CocoIdFromName(std::string_view name);

}  // namespace vleval
