#include "metrics/chair/punkt_parameters.h"

#include <charconv>
#include <functional>

namespace vleval::chair {
namespace {

// Calls `on_line(line, number)` for every non-empty line; stops at the first
// error it returns.
Status ForEachLine(std::string_view text, const std::function<Status(std::string_view, int)>& on_line) {
  int number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (Status status = on_line(line, number); !status.ok()) return status;
  }
  return {};
}

// Splits "a<TAB>b"; errors name `table` and `number`.
Result<std::pair<std::string, std::string>> SplitTab(std::string_view line, int number, const char* table) {
  const size_t tab = line.find('\t');
  if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
    return Error{std::string("punkt ") + table + " line " + std::to_string(number) +
                 ": expected two tab-separated fields"};
  }
  return std::pair{std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))};
}

}  // namespace

Result<PunktParameters> ParsePunktParameters(std::string_view abbrev_types, std::string_view collocations,
                                             std::string_view sent_starters, std::string_view ortho_context) {
  PunktParameters params;
  Status status = ForEachLine(abbrev_types, [&](std::string_view line, int) {
    params.abbrev_types.emplace(line);
    return Status{};
  });
  if (status.ok()) {
    status = ForEachLine(sent_starters, [&](std::string_view line, int) {
      params.sent_starters.emplace(line);
      return Status{};
    });
  }
  if (status.ok()) {
    status = ForEachLine(collocations, [&](std::string_view line, int number) -> Status {
      auto pair = SplitTab(line, number, "collocations.tab");
      if (!pair.ok()) return pair.error();
      params.collocations.insert(std::move(*pair));
      return {};
    });
  }
  if (status.ok()) {
    status = ForEachLine(ortho_context, [&](std::string_view line, int number) -> Status {
      auto pair = SplitTab(line, number, "ortho_context.tab");
      if (!pair.ok()) return pair.error();
      int flags = 0;
      const std::string& digits = pair->second;
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), flags);
      if (error != std::errc() || end != digits.data() + digits.size() || flags < 0) {
        return Error{"punkt ortho_context.tab line " + std::to_string(number) + ": flags '" + digits +
                     "' are not a non-negative integer"};
      }
      params.ortho_context[pair->first] = flags;
      return {};
    });
  }
  if (!status.ok()) return Error{status.message()};
  return params;
}

}  // namespace vleval::chair
