#include "benchmarks/chair_references.h"

#include <initializer_list>
#include <optional>
#include <unordered_set>

#include "core/json_file.h"
#include "core/json_stream.h"

namespace vleval::chair {
namespace {

// The integer members `keys` (nullopt when absent) and the string member
// `text_key` (when given) of one annotation record. A key of the wrong type
// counts as absent; other members are checked and skipped.
Status ReadRecord(JsonValue& record,
                  std::initializer_list<std::pair<const char*, std::optional<int64_t>*>> keys,
                  const char* text_key, std::optional<std::string>* text) {
  return ForEachJsonMember(record, [&](std::string_view key, JsonValue& value) -> Result<bool> {
    for (const auto& [name, out] : keys) {
      if (key != name) continue;
      int64_t number = 0;
      if (!ReadJsonInt(value, number).ok()) return false;
      *out = number;
      return true;
    }
    if (text_key != nullptr && key == text_key) {
      std::string read;
      if (!ReadJsonString(value, read).ok()) return false;
      *text = std::move(read);
      return true;
    }
    return false;
  });
}

// Messages name the file and the annotation's index, as before streaming.
std::string AnnotationWhere(const std::filesystem::path& file, std::size_t index) {
  return file.string() + ": annotation " + std::to_string(index);
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
    std::unordered_map<int64_t, std::string> category_names;
    // Kept annotations, resolved once "categories" (anywhere in the file) is read.
    struct Instance {
      int64_t image_id;
      std::optional<int64_t> category_id;
      std::size_t index;
    };
    std::vector<Instance> instances;
    auto category = [&](JsonValue& record, std::size_t, const JsonPosition& at) -> Status {
      std::optional<int64_t> id;
      std::optional<std::string> name;
      Status status = ReadRecord(record, {{"id", &id}}, "name", &name);
      if (!status.ok()) return Error{JsonWhere(file, at) + ": " + status.message()};
      if (!id || !name) return Error{file.string() + ": a category lacks an integer id or a string name"};
      category_names[*id] = std::move(*name);
      return {};
    };
    auto annotation = [&](JsonValue& record, std::size_t index, const JsonPosition& at) -> Status {
      std::optional<int64_t> image_id, category_id;
      Status status =
          ReadRecord(record, {{"image_id", &image_id}, {"category_id", &category_id}}, nullptr, nullptr);
      if (!status.ok()) return Error{JsonWhere(file, at) + ": " + status.message()};
      if (!image_id) return Error{AnnotationWhere(file, index) + ": missing integer image_id"};
      if (keep(*image_id)) instances.push_back({*image_id, category_id, index});
      return {};
    };
    if (Status status = StreamJsonObjectArrays(file, {{"categories", category}, {"annotations", annotation}});
        !status.ok()) {
      return Error{status.message()};
    }
    for (const Instance& instance : instances) {
      const auto name =
          instance.category_id ? category_names.find(*instance.category_id) : category_names.end();
      if (name == category_names.end()) {
        return Error{AnnotationWhere(file, instance.index) +
                     ": category_id missing or not in \"categories\""};
      }
      references[instance.image_id].objects.push_back(name->second);
    }
  }
  for (const auto& file : caption_files) {
    auto annotation = [&](JsonValue& record, std::size_t index, const JsonPosition& at) -> Status {
      std::optional<int64_t> image_id;
      std::optional<std::string> caption;
      Status status = ReadRecord(record, {{"image_id", &image_id}}, "caption", &caption);
      if (!status.ok()) return Error{JsonWhere(file, at) + ": " + status.message()};
      if (!image_id) return Error{AnnotationWhere(file, index) + ": missing integer image_id"};
      if (!keep(*image_id)) return {};
      if (!caption) return Error{AnnotationWhere(file, index) + ": caption missing or not a string"};
      references[*image_id].captions.push_back(std::move(*caption));
      return {};
    };
    if (Status status = StreamJsonObjectArrays(file, {{"annotations", annotation}}); !status.ok()) {
      return Error{status.message()};
    }
  }
  return references;
}

}  // namespace vleval::chair
