// The annotation loaders through their public entry point, LoadTaskSamples,
// on a mini data root where one annotation file (input[0] selects which, see
// loader_files.h) holds the rest of the input; then ResolveImage on the
// samples, and for CHAIR the COCO reference reader. The replaced file is
// restored before the next input, so every input runs on the same root.
#include <map>
#include <string>

#include "benchmarks/chair_references.h"
#include "benchmarks/loader.h"
#include "benchmarks/mini_data_root.h"
#include "benchmarks/task_catalog.h"
#include "core/json_file.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/loader_files.h"

namespace {

struct State {
  std::filesystem::path root;
  vleval::TaskCatalog catalog;
  std::map<std::string, std::string> originals;  // file -> its mini-root content
};

State& Shared() {
  static State* state = [] {
    auto* s =
        new State{vleval::fuzz::ScratchDir() / "mini", *vleval::TaskCatalog::Load(VLEVAL_CONFIG_DIR), {}};
    if (!vleval::WriteMiniDataRoot(s->root).ok()) std::abort();
    for (const auto& entry : vleval::fuzz::kLoaderFiles) {
      s->originals[std::string(entry.file)] = *vleval::ReadTextFile(s->root / entry.file);
    }
    return s;
  }();
  return *state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  State& state = Shared();
  const auto& entry = vleval::fuzz::kLoaderFiles[data[0] % vleval::fuzz::kLoaderFiles.size()];
  const auto path = state.root / entry.file;
  vleval::fuzz::WriteFile(path, vleval::fuzz::AsText(data + 1, size - 1));
  auto loaded = vleval::LoadTaskSamples(**state.catalog.FindTask(std::string(entry.task)), state.root);
  if (loaded) {
    std::size_t resolved = 0;
    for (const auto& sample : loaded->samples) {
      if (++resolved > 16) break;
      (void)vleval::ResolveImage(sample, loaded->image_roots);
    }
  }
  if (entry.task == "chair") {
    (void)vleval::chair::ReadCocoChairReferences({state.root / "coco/annotations/instances_val2014.json"},
                                                 {state.root / "coco/annotations/captions_val2014.json"});
  }
  vleval::fuzz::WriteFile(path, state.originals[std::string(entry.file)]);
  return 0;
}
