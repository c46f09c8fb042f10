// The annotation files the loaders fuzz target replaces, one per selector
// byte (input[0] % size), and the task that reads each. Shared with the seed
// writer so that a seed's selector names the file it came from.
#pragma once

#include <array>
#include <string_view>

namespace vleval::fuzz {

struct LoaderFile {
  std::string_view task;
  std::string_view file;  // relative to the data root
};

inline constexpr std::array<LoaderFile, 13> kLoaderFiles = {{
    {"okvqa", "okvqa/OpenEnded_mscoco_val2014_questions.json"},
    {"okvqa", "okvqa/mscoco_val2014_annotations.json"},
    {"gqa", "gqa/testdev_balanced_questions.json"},
    {"vsr", "vsr/test.jsonl"},
    {"iconvqa", "iconvqa/problems.json"},
    {"iconvqa", "iconvqa/pid_splits.json"},
    {"vizwiz", "vizwiz/val.json"},
    {"hm", "hm/dev.jsonl"},
    {"refcoco_val", "refcoco/refcoco_val.json"},
    {"chair", "chair/images.jsonl"},
    {"chair", "coco/annotations/instances_val2014.json"},
    {"chair", "coco/annotations/captions_val2014.json"},
    {"refcocog_val", "refcoco/refcocog_val.json"},
}};

}  // namespace vleval::fuzz
