// Reading the images of requests (model/, torch-free): a file's bytes, its
// MIME type from its first bytes, and its pixels decoded as
// Image.open(path).convert('RGB') at the file's size (ImageInput,
// model/backend.h). Each backend then prepares the image as its model needs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/result.h"
#include "model/backend.h"

namespace vleval {

// Reads and decodes `path` (a regular file; JPEG or PNG by signature).
// Errors (missing, unreadable, corrupt, unsupported) start with the path.
// Thread-safe.
Result<ImageInput> ReadImageInput(const std::filesystem::path& path);

struct ImageReadOptions {
  int max_in_flight = 16;  // images alive at once between reading and the consumer returning (>= 1)
  int threads = 0;         // worker threads; 0 = TBB's default (all cores)
};

// consume(index, result): index into `paths`; called serially, in index
// order, on a TBB thread; it may block (that throttles the reading) and may
// move from `result`. A bad file never stops the others: its error is
// delivered like any result.
using ImageInputConsumer = std::function<void(std::size_t index, Result<ImageInput>& result)>;

// ReadImageInput for every path, decoding on worker threads; returns when
// all were consumed.
void ReadImageInputsInParallel(const std::vector<std::filesystem::path>& paths,
                               const ImageReadOptions& options, const ImageInputConsumer& consume);

}  // namespace vleval
