#include "reports/report_input.h"

#include <map>

#include "reports/run_comparison.h"

namespace vleval {
namespace {

Result<std::optional<EntrySamples>> WrongAnswersOf(const RunFolder& run, const EntryResult& entry,
                                                   std::size_t max_shown) {
  auto outcomes = run.PerSample(entry.name);
  if (!outcomes) return outcomes.error();
  if (!*outcomes) return std::optional<EntrySamples>();
  auto predictions = run.Predictions(entry.name);
  if (!predictions) return predictions.error();
  std::map<std::string, const SamplePrediction*> by_id;
  if (*predictions) {
    for (const auto& p : **predictions) by_id.emplace(p.id, &p);
  }
  EntrySamples samples{entry.name, static_cast<long>((*outcomes)->size()), 0, {}};
  for (const auto& outcome : **outcomes) {
    if (outcome.score >= 1.0) continue;
    ++samples.wrong;
    if (samples.shown.size() >= max_shown) continue;
    WrongAnswer wrong{outcome.id, outcome.score, "", "", outcome.reference};
    if (auto it = by_id.find(outcome.id); it != by_id.end()) {
      wrong.prompt = it->second->prompt;
      wrong.output = it->second->output;
    }
    samples.shown.push_back(std::move(wrong));
  }
  return std::optional<EntrySamples>(std::move(samples));
}

}  // namespace

Result<AblationPValues> AblationSignificance(const RunFolder& run) {
  AblationPValues p_values;
  const std::string suffix = "@none";
  for (const auto& [name, entry] : run.results().entries) {
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string with_name = name.substr(0, name.size() - suffix.size());
    if (run.results().Find(with_name) == nullptr) continue;
    auto without = run.PerSample(name);
    if (!without) return without.error();
    auto with = run.PerSample(with_name);
    if (!with) return with.error();
    if (!*without || !*with) continue;
    std::map<std::string, double> without_score;
    for (const auto& s : **without) without_score.emplace(s.id, s.score);
    long worse = 0, better = 0;
    for (const auto& s : **with) {
      auto it = without_score.find(s.id);
      if (it == without_score.end()) continue;
      if (s.score < it->second) ++worse;
      if (s.score > it->second) ++better;
    }
    p_values[entry.task] = McNemarPValueOfChanges(worse, better);
  }
  return p_values;
}

Result<ReportInput> BuildReportInput(const RunFolder& run, const PaperReference& paper,
                                     std::size_t max_wrong_shown) {
  ReportInput input;
  input.run_label = run.dir().filename().string();
  if (input.run_label.empty()) input.run_label = run.dir().parent_path().filename().string();
  input.results = run.results();
  auto ablation = AblationSignificance(run);
  if (!ablation) return ablation.error();
  input.tables = BuildPaperTables(input.results, paper, *ablation);
  for (const auto& [name, entry] : input.results.entries) {
    auto headline = HeadlineOf(entry);
    if (headline && headline->lower_is_better) continue;  // CHAIR: no right/wrong per sample
    auto samples = WrongAnswersOf(run, entry, max_wrong_shown);
    if (!samples) return samples.error();
    if (*samples) input.samples.push_back(std::move(**samples));
  }
  return input;
}

Result<ReportInput> BuildTable5Input(const RunFolder& with, const RunFolder& without,
                                     const PaperReference& paper) {
  auto comparison = CompareRuns(without, with);
  if (!comparison) return comparison.error();
  CheckpointPairing paired;
  for (const auto& entry : comparison->entries) {
    if (!entry.paired) continue;
    paired[entry.entry] = {entry.paired->p_value, entry.paired->ci.low, entry.paired->ci.high};
  }
  ReportInput input;
  input.run_label =
      with.dir().filename().string() + " (w) vs " + without.dir().filename().string() + " (w/o)";
  input.results = with.results();
  input.results.entries.clear();
  for (const auto& [suffix, run] : {std::pair{" (w)", &with}, std::pair{" (w/o)", &without}}) {
    for (const auto& [name, entry] : run->results().entries)
      input.results.entries.emplace(name + suffix, entry);
  }
  input.results.checkpoint = with.results().checkpoint + " vs " + without.results().checkpoint;
  ReportTable table = BuildTwoCheckpointTable5(with.results(), without.results(), paper, paired);
  bool any = false;
  for (const auto& row : table.rows) {
    for (const auto& cell : row.cells) any = any || cell.run.has_value();
  }
  if (!any) {
    std::string tasks;
    for (std::size_t c = 0; c + 1 < table.columns.size(); ++c) tasks += (c ? ", " : "") + table.columns[c];
    return Error{"--table5: neither " + with.dir().string() + " nor " + without.dir().string() +
                 " has an entry of a Table 5 task (" + tasks + ")"};
  }
  input.tables.push_back(std::move(table));
  return input;
}

}  // namespace vleval
