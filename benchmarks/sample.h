// Sample: one benchmark item as the harness sees it, whatever file it came
// from: its id (as the predictions file writes it), where its image may be,
// the fields its prompt template fills, and what its scorer needs. Plain
// values only (no torch), so model, metrics and reports can each take what
// they need through thin glue in the harness.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/references.h"

namespace vleval {

struct Sample {
  // The sample id of data_layout.md: OK-VQA/GQA question id, VSR and REC
  // 0-based row index, IconVQA problem id, VizWiz image file name, HM id,
  // CHAIR COCO image id. An integer where the source id is all digits, else a
  // string.
  nlohmann::json id;
  // Every path the image may have, most likely first (2014 and 2017 COCO
  // names, per-task overrides); ResolveImage picks the first that exists.
  std::vector<std::filesystem::path> image_candidates;
  // Values for the prompt's {field} placeholders ("question", "caption",
  // "sent", "text"), verbatim from the annotation file.
  std::map<std::string, std::string> fields;
  // What the task's metric needs (benchmarks/references.h); the fields each
  // family fills are listed in benchmarks/loaders/builtin_loaders.h.
  References references;
};

// One task's samples in file order plus what reading them produced.
struct LoadedSamples {
  std::vector<Sample> samples;
  // Every annotation file read, in reading order (for data manifests).
  std::vector<std::filesystem::path> files;
  // Problems that do not stop a run (a count that differs from the published
  // one); each names the task and file.
  std::vector<std::string> warnings;
  // Folders an image may be read from (resolved: see core/path_containment.h):
  // the data root and the image folders the task config names. Empty = any
  // path (--allow-outside-paths).
  std::vector<std::filesystem::path> image_roots;
};

}  // namespace vleval
