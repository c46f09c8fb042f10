#include "reports/paper_reference.h"

#include "core/json_file.h"

namespace vleval {

Result<PaperReference> PaperReference::Load(const std::filesystem::path& path) {
  auto json = ReadJsonFile(path);
  if (!json) return json.error();
  const std::string where = path.string();
  PaperReference reference;
  try {
    reference.source_ = json->at("source").get<std::string>();
    for (const auto& [id, table_json] : json->at("tables").items()) {
      PaperTable table;
      table.id = id;
      table.title = table_json.at("title").get<std::string>();
      table.columns = table_json.at("columns").get<std::vector<std::string>>();
      for (const auto& [row, cells] : table_json.at("rows").items()) {
        auto& out = table.rows[row];
        for (const auto& column : table.columns) {
          auto cell = cells.find(column);
          if (cell != cells.end() && cell->is_number()) out[column] = cell->get<double>();
        }
      }
      reference.tables_.emplace(id, std::move(table));
    }
  } catch (const nlohmann::json::exception& e) {
    return Error{where + ": not a paper reference file: " + e.what()};
  }
  return reference;
}

std::optional<double> PaperReference::Value(const std::string& table, const std::string& row,
                                            const std::string& column) const {
  auto t = tables_.find(table);
  if (t == tables_.end()) return std::nullopt;
  auto r = t->second.rows.find(row);
  if (r == t->second.rows.end()) return std::nullopt;
  auto c = r->second.find(column);
  if (c == r->second.end()) return std::nullopt;
  return c->second;
}

}  // namespace vleval
