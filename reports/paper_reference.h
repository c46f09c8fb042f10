// PaperReference: the paper's published numbers (configs/reference/
// minigptv2-paper.json, the project's own copy of the facts in
// ../shared/reference), looked up by table, row and column so that reports can
// print a run's value next to the paper's.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace vleval {

struct PaperTable {
  std::string id;  // "table2" .. "table5"
  std::string title;
  std::vector<std::string> columns;  // task names, or chair_i/chair_s/len, avg, average
  // row label -> column -> value; a null in the paper is an absent entry.
  std::map<std::string, std::map<std::string, double>> rows;
};

class PaperReference {
 public:
  // Reads the file; malformed content is an error naming the file.
  static Result<PaperReference> Load(const std::filesystem::path& path);

  const std::string& source() const { return source_; }
  const std::map<std::string, PaperTable>& tables() const { return tables_; }

  // The paper's value, or nullopt when the table, row or cell is absent.
  std::optional<double> Value(const std::string& table, const std::string& row,
                              const std::string& column) const;

 private:
  std::string source_;
  std::map<std::string, PaperTable> tables_;
};

// The row of Table 2/3 that the paper labels as MiniGPT-v2 itself.
inline constexpr const char* kMiniGptV2Row = "MiniGPT-v2 (7B)";

}  // namespace vleval
