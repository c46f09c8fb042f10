#include "metrics/dialect.h"

namespace vleval {

Result<Dialect> ParseDialect(std::string_view text) {
  if (text == "minigptv2") return Dialect::kMiniGptV2;
  if (text == "official") return Dialect::kOfficial;
  return Error{"unknown dialect '" + std::string(text) + "' (known: minigptv2, official)"};
}

std::string DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return "minigptv2";
    case Dialect::kOfficial:
      return "official";
  }
  return "";  // not reached: the switch covers every dialect
}

bool FollowsMiniGptV2Scripts(Dialect dialect) {
  switch (dialect) {
    case Dialect::kMiniGptV2:
      return true;
    case Dialect::kOfficial:
      return false;
  }
  return false;  // not reached: the switch covers every dialect
}

}  // namespace vleval
