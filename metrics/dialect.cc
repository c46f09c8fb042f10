#include "metrics/dialect.h"

namespace vleval {

Result<Dialect> ParseDialect(std::string_view text) {
  if (text == "minigptv2") return Dialect::kMiniGptV2;
  if (text == "official") return Dialect::kOfficial;
  return Error{"unknown dialect '" + std::string(text) + "' (known: minigptv2, official)"};
}

std::string DialectName(Dialect dialect) { return dialect == Dialect::kMiniGptV2 ? "minigptv2" : "official"; }

}  // namespace vleval
