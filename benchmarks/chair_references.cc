#include "benchmarks/chair_references.h"

#include <unordered_set>

#include "core/json_file.h"

namespace vleval::chair {
namespace {

using nlohmann::json;

Result<const json*> Annotations(const json& document, const std::filesystem::path& file) {
  if (!document.is_object() || !document.contains("annotations") || !document["annotations"].is_array()) {
    return Error{file.string() + ": no \"annotations\" array"};
  }
  return &document["annotations"];
}

Result<int64_t> ImageId(const json& annotation, const std::filesystem::path& file, size_t index) {
  if (!annotation.is_object() || !annotation.contains("image_id") ||
      !annotation["image_id"].is_number_integer()) {
    return Error{file.string() + ": annotation " + std::to_string(index) + ": missing integer image_id"};
  }
  return annotation["image_id"].get<int64_t>();
}

}  // namespace

std::vector<ChairTableFile> ChairTableFiles(const std::filesystem::path& synonyms_file,
                                            const std::filesystem::path& punkt_dir) {
  const std::string punkt =
      " of nltk's punkt_tab English parameters (nltk_data package tokenizers/punkt_tab, folder english/: "
      "`python3 -m nltk.downloader punkt_tab`, or punkt_tab.zip in github.com/nltk/nltk_data under "
      "packages/tokenizers/)";
  return {{"chair_synonyms", synonyms_file,
           "the CHAIR synonym table (80 lines: a COCO category, then its synonyms), data/synonyms.txt of the "
           "CHAIR authors' repository github.com/LisaAnne/Hallucination"},
          {"punkt_abbrev_types", punkt_dir / "abbrev_types.txt", "the abbreviation list" + punkt},
          {"punkt_collocations", punkt_dir / "collocations.tab", "the collocation table" + punkt},
          {"punkt_sent_starters", punkt_dir / "sent_starters.txt", "the sentence-starter list" + punkt},
          {"punkt_ortho_context", punkt_dir / "ortho_context.tab", "the orthographic-context table" + punkt}};
}

Status CheckChairTables(const std::filesystem::path& synonyms_file, const std::filesystem::path& punkt_dir) {
  std::string missing;
  for (const auto& table : ChairTableFiles(synonyms_file, punkt_dir)) {
    std::error_code error;
    if (std::filesystem::is_regular_file(table.path, error)) continue;
    missing += (missing.empty() ? "" : "; ") + table.path.string() + " is missing: " + table.description;
  }
  if (missing.empty()) return {};
  return Error{"CHAIR needs its tables: " + missing};
}

Result<std::map<std::string, std::string>> ReadChairResources(const std::filesystem::path& synonyms_file,
                                                              const std::filesystem::path& punkt_dir) {
  if (auto status = CheckChairTables(synonyms_file, punkt_dir); !status) return Error{status.message()};
  std::map<std::string, std::string> resources;
  for (const auto& table : ChairTableFiles(synonyms_file, punkt_dir)) {
    auto text = ReadTextFile(table.path);
    if (!text.ok()) return text.error();
    resources[table.resource] = std::move(*text);
  }
  return resources;
}

Result<std::unordered_map<int64_t, ChairImageReferences>> ReadCocoChairReferences(
    const std::vector<std::filesystem::path>& instance_files,
    const std::vector<std::filesystem::path>& caption_files, const std::vector<int64_t>& image_ids) {
  const std::unordered_set<int64_t> wanted(image_ids.begin(), image_ids.end());
  std::unordered_map<int64_t, ChairImageReferences> references;
  auto keep = [&](int64_t id) { return wanted.empty() || wanted.count(id) > 0; };
  for (const auto& file : instance_files) {
    auto document = ReadJsonFile(file);
    if (!document.ok()) return document.error();
    std::unordered_map<int64_t, std::string> category_names;
    if (!document->contains("categories") || !(*document)["categories"].is_array()) {
      return Error{file.string() + ": no \"categories\" array"};
    }
    for (const json& category : (*document)["categories"]) {
      if (!category.is_object() || !category.value("id", json()).is_number_integer() ||
          !category.value("name", json()).is_string()) {
        return Error{file.string() + ": a category lacks an integer id or a string name"};
      }
      category_names[category["id"].get<int64_t>()] = category["name"].get<std::string>();
    }
    auto annotations = Annotations(*document, file);
    if (!annotations.ok()) return annotations.error();
    for (size_t i = 0; i < (*annotations)->size(); ++i) {
      const json& annotation = (**annotations)[i];
      auto id = ImageId(annotation, file, i);
      if (!id.ok()) return id.error();
      if (!keep(*id)) continue;
      const json category = annotation.value("category_id", json());
      auto name =
          category.is_number_integer() ? category_names.find(category.get<int64_t>()) : category_names.end();
      if (name == category_names.end()) {
        return Error{file.string() + ": annotation " + std::to_string(i) +
                     ": category_id missing or not in \"categories\""};
      }
      references[*id].objects.push_back(name->second);
    }
  }
  for (const auto& file : caption_files) {
    auto document = ReadJsonFile(file);
    if (!document.ok()) return document.error();
    auto annotations = Annotations(*document, file);
    if (!annotations.ok()) return annotations.error();
    for (size_t i = 0; i < (*annotations)->size(); ++i) {
      const json& annotation = (**annotations)[i];
      auto id = ImageId(annotation, file, i);
      if (!id.ok()) return id.error();
      if (!keep(*id)) continue;
      if (!annotation.value("caption", json()).is_string()) {
        return Error{file.string() + ": annotation " + std::to_string(i) +
                     ": caption missing or not a string"};
      }
      references[*id].captions.push_back(annotation["caption"].get<std::string>());
    }
  }
  return references;
}

}  // namespace vleval::chair
