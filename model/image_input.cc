#include "model/image_input.h"

#include <algorithm>
#include <memory>
#include <span>
#include <utility>

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "core/json_file.h"
#include "model/image/image_file.h"
#include "model/image/jpeg_decoder.h"
#include "model/image/png_decoder.h"

namespace vleval {

Result<ImageInput> ReadImageInput(const std::filesystem::path& path) {
  auto contents = ReadTextFile(path);
  if (!contents) return contents.error();
  ImageInput input;
  input.file_bytes = std::make_shared<const std::string>(std::move(*contents));
  const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(input.file_bytes->data()),
                                            input.file_bytes->size());
  auto pixels = image::DecodeImageBytes(bytes, path.string());
  if (!pixels) return pixels.error();
  input.pixels = std::move(*pixels);
  input.mime_type = image::LooksLikePng(bytes) ? "image/png" : "image/jpeg";  // decoded: one of the two
  return input;
}

void ReadImageInputsInParallel(const std::vector<std::filesystem::path>& paths,
                               const ImageReadOptions& options, const ImageInputConsumer& consume) {
  struct Slot {
    std::size_t index = 0;
    Result<ImageInput> result = Error{"not read"};
  };
  using SlotPtr = std::shared_ptr<Slot>;
  std::size_t next = 0;
  auto read_index = [&](tbb::flow_control& control) -> SlotPtr {
    if (next == paths.size()) {
      control.stop();
      return nullptr;
    }
    auto slot = std::make_shared<Slot>();
    slot->index = next++;
    return slot;
  };
  auto read = [&](SlotPtr slot) -> SlotPtr {
    slot->result = ReadImageInput(paths[slot->index]);
    return slot;
  };
  auto deliver = [&](const SlotPtr& slot) { consume(slot->index, slot->result); };
  const auto tokens = static_cast<std::size_t>(std::max(options.max_in_flight, 1));
  auto run = [&] {
    tbb::parallel_pipeline(tokens,
                           tbb::make_filter<void, SlotPtr>(tbb::filter_mode::serial_in_order, read_index) &
                               tbb::make_filter<SlotPtr, SlotPtr>(tbb::filter_mode::parallel, read) &
                               tbb::make_filter<SlotPtr, void>(tbb::filter_mode::serial_in_order, deliver));
  };
  if (options.threads > 0) {
    tbb::task_arena arena(options.threads);
    arena.execute(run);
  } else {
    run();
  }
}

}  // namespace vleval
