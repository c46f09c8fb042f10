#include "metrics/box_codec.h"

namespace vleval {
namespace {

Registry<BoxCodec> BuildBoxCodecRegistry() {
  Registry<BoxCodec> registry("box codec");
  registry.Add("minigptv2", MiniGptV2BoxCodec());
  registry.Add("unit_floats", UnitFloatsBoxCodec());
  registry.Add("grid1000", Grid1000BoxCodec());
  return registry;
}

}  // namespace

const Registry<BoxCodec>& BoxCodecRegistry() {
  static const Registry<BoxCodec> registry = BuildBoxCodecRegistry();
  return registry;
}

}  // namespace vleval
