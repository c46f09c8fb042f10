// The predictions reader (both formats, told apart by their first byte).
#include "fuzz/fuzz_input.h"
#include "harness/predictions_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto path = vleval::fuzz::ScratchDir() / "predictions.jsonl";
  vleval::fuzz::WriteFile(path, vleval::fuzz::AsText(data, size));
  (void)vleval::ReadPredictionsFile(path);
  return 0;
}
