// Model outputs: every box codec and every answer clean-up.
#include "benchmarks/answer_cleanup.h"
#include "fuzz/fuzz_input.h"
#include "metrics/box_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto output = vleval::fuzz::AsText(data, size);
  for (const char* name : {"minigptv2", "unit_floats", "grid1000"}) {
    (void)(*vleval::BoxCodecRegistry().Find(name))->decode(output, 640, 480);
  }
  for (const auto cleanup : {vleval::AnswerCleanup::kLowerDropUnkStrip, vleval::AnswerCleanup::kDropUnkStrip,
                             vleval::AnswerCleanup::kLowerStrip, vleval::AnswerCleanup::kRecCompact}) {
    (void)vleval::CleanAnswer(cleanup, output);
  }
  return 0;
}
