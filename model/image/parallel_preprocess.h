// Decoding and resizing many images at once, for the runner (model/image/):
// a TBB pipeline whose middle stage runs LoadResizedImage (optionally with
// normalisation) on worker threads, while the results are handed to the
// caller one at a time, in input order.
//
// Memory is bounded: at most `max_in_flight` images exist between reading a
// path and the consumer returning, however long the list is and however
// slowly the consumer drains it (e.g. while a batch runs on the GPU).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/result.h"
#include "model/image/image.h"

namespace vleval::image {

struct ParallelPreprocessOptions {
  int size = 448;          // output is size x size
  int max_in_flight = 16;  // images alive at once (>= 1); TBB pipeline tokens
  int threads = 0;         // worker threads; 0 = TBB's default (all cores)
};

// consume(index, result): index into `paths`; result is the image or the
// error naming the file. Called serially, in index order, on a TBB thread;
// it may block (that throttles the pipeline). It may move from `result`.
using ResizedConsumer = std::function<void(std::size_t index, Result<RgbImage>& result)>;
using NormalizedConsumer = std::function<void(std::size_t index, Result<ChwFloatImage>& result)>;

// Runs decode + resize for every path; returns when all were consumed.
// A bad file never stops the run: its error is delivered like any result.
void PreprocessResizedInParallel(const std::vector<std::filesystem::path>& paths,
                                 const ParallelPreprocessOptions& options, const ResizedConsumer& consume);

// The same, with CLIP normalisation done on the worker threads too.
void PreprocessNormalizedInParallel(const std::vector<std::filesystem::path>& paths,
                                    const ParallelPreprocessOptions& options,
                                    const NormalizedConsumer& consume);

}  // namespace vleval::image
