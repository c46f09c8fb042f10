#include "core/text_distance.h"

#include <algorithm>
#include <numeric>

namespace vleval {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> ClosestNames(std::string_view wanted, const std::vector<std::string>& known,
                                      std::size_t limit) {
  const std::size_t budget = std::max<std::size_t>(2, wanted.size() / 2);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& name : known) {
    const std::size_t distance = EditDistance(wanted, name);
    if (distance <= budget) scored.emplace_back(distance, name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> closest;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) {
    closest.push_back(scored[i].second);
  }
  return closest;
}

std::string UnknownNameMessage(std::string_view kind, std::string_view wanted,
                               const std::vector<std::string>& known) {
  std::string message = "unknown " + std::string(kind) + " '" + std::string(wanted) + "'";
  const auto closest = ClosestNames(wanted, known);
  if (!closest.empty()) {
    message += "; did you mean";
    for (std::size_t i = 0; i < closest.size(); ++i) {
      message += (i == 0 ? " '" : " or '") + closest[i] + "'";
    }
    message += "?";
  }
  if (known.empty()) return message + "; none is known";
  message += closest.empty() ? "; known: " : " known: ";
  for (std::size_t i = 0; i < known.size(); ++i) {
    message += (i == 0 ? "" : ", ") + known[i];
  }
  return message;
}

}  // namespace vleval
