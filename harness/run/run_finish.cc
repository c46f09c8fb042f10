#include "harness/run/run_finish.h"

#include <map>

#include "core/sample_id.h"
#include "harness/data_manifest.h"
#include "harness/run/canonical_json.h"
#include "harness/run/entry_scoring.h"
#include "harness/run/predictions_journal.h"
#include "harness/run/results_document.h"
#include "harness/run/truncated_images.h"
#include "reports/paper_reference.h"
#include "reports/report_format.h"
#include "reports/run_history.h"

namespace vleval {
namespace {

std::filesystem::path ShardDir(const std::filesystem::path& run_dir, const ShardSpec& shard) {
  return run_dir / "shards" / shard.FolderName();
}

// The records of `entry` from every shard, in sample order.
Result<std::vector<PredictionRecord>> CollectRecords(const PlannedEntry& entry,
                                                     const std::filesystem::path& run_dir, int shard_count) {
  std::map<std::string, PredictionRecord> by_id;
  std::string files;
  for (int index = 0; index < shard_count; ++index) {
    const auto path = ShardPredictionsDir(run_dir, {index, shard_count}) / (entry.name + ".jsonl");
    files += (files.empty() ? "" : ", ") + path.string();
    auto contents = ReadJournal(path);
    if (!contents) return contents.error();
    for (auto& record : contents->records) by_id.insert_or_assign(SampleIdText(record.id), std::move(record));
  }
  std::vector<PredictionRecord> records;
  records.reserve(entry.loaded.samples.size());
  for (const auto& sample : entry.loaded.samples) {
    auto found = by_id.find(SampleIdText(sample.id));
    if (found == by_id.end()) {
      return Error{entry.name + ": sample " + SampleIdText(sample.id) + " has no prediction in " + files +
                   " (is a shard unfinished?)"};
    }
    records.push_back(std::move(found->second));
  }
  return records;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

Result<std::string> WriteReports(const FinishOptions& options) {
  auto run = RunFolder::Open(options.run_dir);
  if (!run) return run.error();
  if (!options.history_db.empty()) {
    auto recorded = RecordRunNow(*run, options.history_db);
    if (!recorded) return recorded.error();
  }
  auto paper = PaperReference::Load(options.config_dir / "reference" / "minigptv2-paper.json");
  if (!paper) return paper.error();
  auto input = BuildReportInput(*run, *paper);
  if (!input) return input.error();
  std::string markdown;
  for (const std::string format : {"md", "html"}) {
    const std::string text = (*ReportFormats().Find(format))->render(*input);
    if (auto status = WriteFileAtomically(options.run_dir / ("report." + format), text); !status) {
      return Error{status.message()};
    }
    if (format == "md") markdown = text;
  }
  return markdown;
}

}  // namespace

std::filesystem::path ShardPredictionsDir(const std::filesystem::path& run_dir, const ShardSpec& shard) {
  return shard.count == 1 ? run_dir / "predictions" : ShardDir(run_dir, shard) / "predictions";
}

Result<bool> MarkShardComplete(const std::filesystem::path& run_dir, const ShardSpec& shard) {
  if (auto status = WriteFileAtomically(ShardDir(run_dir, shard) / "complete", "done\n"); !status) {
    return Error{status.message()};
  }
  return UnfinishedShards(run_dir, shard.count).empty();
}

std::vector<int> UnfinishedShards(const std::filesystem::path& run_dir, int count) {
  std::vector<int> unfinished;
  for (int index = 0; index < count; ++index) {
    std::error_code error;
    if (!std::filesystem::exists(ShardDir(run_dir, {index, count}) / "complete", error))
      unfinished.push_back(index);
  }
  return unfinished;
}

Result<FinishedEntry> FinishEntry(const RunDescription& description, const PlannedEntry& entry,
                                  const std::filesystem::path& run_dir, int threads) {
  auto records = CollectRecords(entry, run_dir, description.shard_count);
  if (!records) return records.error();
  std::vector<std::string> lines;
  for (const auto& record : *records) lines.push_back(FormatRecordLine(record));
  if (auto status = WriteFileAtomically(run_dir / "predictions" / (entry.name + ".jsonl"), Lines(lines));
      !status) {
    return Error{status.message()};
  }
  auto score = ScoreEntry(entry, *records, description.request.data_root, threads);
  if (!score) return score.error();
  score->truncated_images = TruncatedImages(entry, *records, description.request.data_root);
  const auto per_sample = run_dir / "per_sample" / (entry.name + ".jsonl");
  if (auto status = WriteFileAtomically(per_sample, Lines(score->per_sample_lines)); !status) {
    return Error{status.message()};
  }
  auto manifest = BuildManifest(description.request.data_root, entry.loaded.files);
  if (!manifest) return manifest.error();
  return FinishedEntry{std::move(*score), (*manifest)["files"]};
}

Result<std::string> FinishRun(const RunDescription& description, const std::vector<PlannedEntry>& plan,
                              const FinishOptions& options,
                              std::vector<std::optional<Result<FinishedEntry>>> finished) {
  finished.resize(plan.size());
  std::vector<EntryScore> scores;
  std::vector<nlohmann::json> data_files;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (!finished[i]) finished[i] = FinishEntry(description, plan[i], options.run_dir, options.threads);
    if (!*finished[i]) return finished[i]->error();
    scores.push_back(std::move((*finished[i])->score));
    data_files.push_back(std::move((*finished[i])->data_files));
  }
  const auto results = ResultsDocument(description, plan, scores, data_files);
  if (auto status = WriteFileAtomically(options.run_dir / "results.json", CanonicalJson(results)); !status) {
    return Error{status.message()};
  }
  if (auto status = WriteFileAtomically(options.run_dir / "run.json", options.run_info.dump(2) + "\n");
      !status) {
    return Error{status.message()};
  }
  return WriteReports(options);
}

}  // namespace vleval
