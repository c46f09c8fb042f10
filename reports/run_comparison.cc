#include "reports/run_comparison.h"

#include <cmath>
#include <map>
#include <sstream>

#include "reports/number_format.h"

namespace vleval {
namespace {

Result<std::optional<PairedOutcomes>> Pair(const RunFolder& a, const RunFolder& b, const std::string& entry,
                                           const CompareOptions& options) {
  auto samples_a = a.PerSample(entry);
  if (!samples_a) return samples_a.error();
  auto samples_b = b.PerSample(entry);
  if (!samples_b) return samples_b.error();
  if (!*samples_a || !*samples_b) return std::optional<PairedOutcomes>();
  std::map<std::string, double> score_b;
  for (const auto& s : **samples_b) score_b.emplace(s.id, s.score);
  PairedOutcomes out;
  std::vector<double> scores_a, scores_b;
  for (const auto& s : **samples_a) {
    auto it = score_b.find(s.id);
    if (it == score_b.end()) {
      ++out.only_in_a;
      continue;
    }
    scores_a.push_back(100.0 * s.score);
    scores_b.push_back(100.0 * it->second);
    if (it->second < s.score) ++out.worse;
    if (it->second > s.score) ++out.better;
    if (it->second != s.score) out.flipped.push_back({s.id, s.score, it->second});
  }
  out.paired = static_cast<long>(scores_a.size());
  out.only_in_b = static_cast<long>((*samples_b)->size()) - out.paired;
  if (out.paired > 0) {
    auto ci = PairedBootstrap(scores_a, scores_b, {options.bootstrap_resamples, options.seed, 0.95});
    if (!ci)
      return Error{a.dir().string() + " vs " + b.dir().string() + ": " + entry + ": " + ci.error().message};
    out.ci = *ci;
  }
  out.p_value = McNemarPValueOfChanges(out.worse, out.better);
  return std::optional<PairedOutcomes>(std::move(out));
}

std::string Pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string Score(double score) { return Shortest(static_cast<double>(std::llround(score * 1000)) / 1000); }

}  // namespace

double McNemarPValueOfChanges(long worse, long better) {
  // A sample that went down counts as "right in A only", one that went up as
  // "right in B only"; the test reads only these discordant counts.
  std::vector<bool> a_ahead, b_ahead;
  a_ahead.insert(a_ahead.end(), static_cast<std::size_t>(worse), true);
  b_ahead.insert(b_ahead.end(), static_cast<std::size_t>(worse), false);
  a_ahead.insert(a_ahead.end(), static_cast<std::size_t>(better), false);
  b_ahead.insert(b_ahead.end(), static_cast<std::size_t>(better), true);
  return ExactMcNemar(a_ahead, b_ahead)->p_value;  // equal sizes: cannot fail
}

Result<RunComparison> CompareRuns(const RunFolder& a, const RunFolder& b, const CompareOptions& options) {
  RunComparison comparison;
  for (const auto& [name, entry_a] : a.results().entries) {
    const EntryResult* entry_b = b.results().Find(name);
    if (entry_b == nullptr) {
      comparison.only_in_a.push_back(name);
      continue;
    }
    auto headline_a = HeadlineOf(entry_a);
    auto headline_b = HeadlineOf(*entry_b);
    if (!headline_a || !headline_b || headline_a->key != headline_b->key) continue;
    EntryComparison row{
        name,        headline_a->key, headline_a->lower_is_better, headline_a->value, headline_b->value,
        std::nullopt};
    auto paired = Pair(a, b, name, options);
    if (!paired) return paired.error();
    row.paired = std::move(*paired);
    comparison.entries.push_back(std::move(row));
  }
  for (const auto& [name, entry] : b.results().entries) {
    if (a.results().Find(name) == nullptr) comparison.only_in_b.push_back(name);
  }
  return comparison;
}

std::string FormatComparison(const RunComparison& comparison, const std::string& label_a,
                             const std::string& label_b, std::size_t max_flips_listed) {
  std::ostringstream out;
  out << "A: " << label_a << "\nB: " << label_b << "\n\n";
  out << Pad("entry", 16) << Pad("metric", 10) << Pad("A", 8) << Pad("B", 8) << Pad("B-A", 8)
      << Pad("95% CI of B-A", 18) << Pad("McNemar p", 11) << Pad("down/up", 9) << "paired\n";
  for (const auto& row : comparison.entries) {
    out << Pad(row.entry, 16) << Pad(row.metric, 10) << Pad(Fixed(row.value_a), 8)
        << Pad(Fixed(row.value_b), 8) << Pad(Signed(row.Difference()), 8);
    if (row.paired) {
      const auto& p = *row.paired;
      out << Pad("[" + Signed(p.ci.low) + ", " + Signed(p.ci.high) + "]", 18)
          << Pad(PValueText(p.p_value), 11)
          << Pad(std::to_string(p.worse) + "/" + std::to_string(p.better), 9) << p.paired;
      if (p.only_in_a + p.only_in_b > 0) {
        out << " (unpaired: " << p.only_in_a << " only in A, " << p.only_in_b << " only in B)";
      }
    } else {
      out << "no per-sample outcomes";
    }
    out << "\n";
  }
  for (const auto& name : comparison.only_in_a) out << "only in A: " << name << "\n";
  for (const auto& name : comparison.only_in_b) out << "only in B: " << name << "\n";
  bool header = false;
  for (const auto& row : comparison.entries) {
    if (!row.paired || row.paired->flipped.empty()) continue;
    if (!header) out << "\nFlipped samples (id: score A -> B)\n";
    header = true;
    const auto& flipped = row.paired->flipped;
    out << row.entry << " (" << flipped.size() << "):";
    for (std::size_t i = 0; i < flipped.size() && i < max_flips_listed; ++i) {
      out << (i == 0 ? " " : ", ") << flipped[i].id << ": " << Score(flipped[i].score_a) << " -> "
          << Score(flipped[i].score_b);
    }
    if (flipped.size() > max_flips_listed) out << ", ... " << flipped.size() - max_flips_listed << " more";
    out << "\n";
  }
  return out.str();
}

}  // namespace vleval
