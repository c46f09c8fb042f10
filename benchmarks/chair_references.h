// Reading CHAIR's inputs from disk into plain values (the scorer itself does
// no file I/O): the synonym and punkt tables as the text ScoringOptions::
// resources carries, and the COCO 2014 instance and caption annotations as
// per-image reference lists for MetricSample.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace vleval::chair {

// Where CHAIR's tables live under a data root, and what each file is.
inline constexpr const char* kChairSynonymsFile = "chair/synonyms.txt";
inline constexpr const char* kChairPunktDir = "chair/punkt_tab/english";

struct ChairTableFile {
  std::string resource;        // the key in ScoringOptions::resources (chair_metric.h)
  std::filesystem::path path;  // the file
  std::string description;     // what it is and where it is published, for error messages
};

// The five tables: `synonyms_file` and the four files of `punkt_dir`.
std::vector<ChairTableFile> ChairTableFiles(const std::filesystem::path& synonyms_file,
                                            const std::filesystem::path& punkt_dir);

// OK when every table exists as a regular file and is readable; else an
// error listing each missing one with what it is and where it is published.
Status CheckChairTables(const std::filesystem::path& synonyms_file, const std::filesystem::path& punkt_dir);

// Reads `synonyms_file` (LisaAnne/Hallucination data/synonyms.txt) and the
// four tables of `punkt_dir` (nltk_data tokenizers/punkt_tab/english/) into
// the resource map chair_metric.h names. Errors are CheckChairTables's.
Result<std::map<std::string, std::string>> ReadChairResources(const std::filesystem::path& synonyms_file,
                                                              const std::filesystem::path& punkt_dir);

struct ChairImageReferences {
  std::vector<std::string> objects;   // category name per instance annotation
  std::vector<std::string> captions;  // reference captions, in file order
};

// Reads COCO `instances_*.json` files (categories + annotations) and
// `captions_*.json` files (annotations) into image id -> references, keeping
// only ids in `image_ids` (all when empty). Errors name the file and the
// annotation index of a malformed entry (missing image_id, unknown
// category_id, caption not a string). Single-threaded; the files are
// streamed (core/json_stream.h): memory is that of the kept references.
Result<std::unordered_map<int64_t, ChairImageReferences>> ReadCocoChairReferences(
    const std::vector<std::filesystem::path>& instance_files,
    const std::vector<std::filesystem::path>& caption_files, const std::vector<int64_t>& image_ids = {});

}  // namespace vleval::chair
