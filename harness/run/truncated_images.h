// Truncated image files in a run. The decoders fill what a truncated file
// lacks, as the official pipeline does (Pillow's ImageFile.LOAD_TRUNCATED_IMAGES,
// set when the MiniGPT-v2 code is imported), so such a sample is evaluated;
// but the run warns on stderr as it reads the file, journals the fact in the
// sample's record ("image_truncated", prediction_record.h) so resumed and
// sharded runs keep it, and lists the samples in results.json
// (docs/results_format.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/sample.h"
#include "harness/run/prediction_record.h"
#include "harness/run/run_plan.h"

namespace vleval {

struct TruncatedImage {
  nlohmann::json id;  // the sample id, as in its record
  std::string image;  // the image path relative to the data root ("" when unknown)
};

// The samples of `entry` whose record says image_truncated, in sample order
// (`records[i]` is the record of entry.loaded.samples[i]). The image path is
// the one the run read (the first existing candidate), relative to
// `data_root`, or to the image folder of the task config holding it, or its
// file name: never a path of the machine.
std::vector<TruncatedImage> TruncatedImages(const PlannedEntry& entry,
                                            const std::vector<PredictionRecord>& records,
                                            const std::filesystem::path& data_root);

// {"count": n, "samples": [{"id": ..., "image": "..."}, ...]} for results.json.
nlohmann::json TruncatedImagesJson(const std::vector<TruncatedImage>& images);

// The run's warning for a truncated file: "<entry>: sample <id>: <path>: the
// image file is truncated; ...".
std::string TruncatedImageWarning(const PlannedEntry& entry, const Sample& sample,
                                  const std::filesystem::path& path);

}  // namespace vleval
