#include "model/image/parallel_preprocess.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "model/image/clip_normalize.h"
#include "model/image/preprocess.h"

namespace vleval::image {
namespace {

template <typename Output>
struct Slot {
  std::size_t index = 0;
  Result<Output> result = Error{"not processed"};
};

// Input (serial, in order) -> work (parallel) -> consume (serial, in order).
template <typename Output, typename Work, typename Consumer>
void RunPipeline(const std::vector<std::filesystem::path>& paths, const ParallelPreprocessOptions& options,
                 const Work& work, const Consumer& consume) {
  using SlotPtr = std::shared_ptr<Slot<Output>>;
  std::size_t next = 0;
  auto read_index = [&](tbb::flow_control& control) -> SlotPtr {
    if (next == paths.size()) {
      control.stop();
      return nullptr;
    }
    auto slot = std::make_shared<Slot<Output>>();
    slot->index = next++;
    return slot;
  };
  auto process = [&](SlotPtr slot) -> SlotPtr {
    slot->result = work(paths[slot->index]);
    return slot;
  };
  auto deliver = [&](SlotPtr slot) { consume(slot->index, slot->result); };
  const auto tokens = static_cast<std::size_t>(std::max(options.max_in_flight, 1));
  auto run = [&] {
    tbb::parallel_pipeline(tokens,
                           tbb::make_filter<void, SlotPtr>(tbb::filter_mode::serial_in_order, read_index) &
                               tbb::make_filter<SlotPtr, SlotPtr>(tbb::filter_mode::parallel, process) &
                               tbb::make_filter<SlotPtr, void>(tbb::filter_mode::serial_in_order, deliver));
  };
  if (options.threads > 0) {
    tbb::task_arena arena(options.threads);
    arena.execute(run);
  } else {
    run();
  }
}

}  // namespace

void PreprocessResizedInParallel(const std::vector<std::filesystem::path>& paths,
                                 const ParallelPreprocessOptions& options, const ResizedConsumer& consume) {
  RunPipeline<RgbImage>(
      paths, options, [&](const std::filesystem::path& path) { return LoadResizedImage(path, options.size); },
      consume);
}

void PreprocessNormalizedInParallel(const std::vector<std::filesystem::path>& paths,
                                    const ParallelPreprocessOptions& options,
                                    const NormalizedConsumer& consume) {
  RunPipeline<ChwFloatImage>(
      paths, options,
      [&](const std::filesystem::path& path) { return LoadNormalizedImage(path, options.size); }, consume);
}

}  // namespace vleval::image
