// RunHistory: every recorded run's results and per-sample outcomes in one
// SQLite file, for `vleval history` (the trend of a task across runs) and the
// HTML report's trend charts. Safe for concurrent writers: the database runs
// in WAL mode with a busy timeout, and each record is one IMMEDIATE
// transaction, so shards of a run recording at once neither corrupt the file
// nor lose a record.
//
// Tables: runs(id, folder, results_digest, recorded_at, harness_version,
// suite, checkpoint), entry_metrics(run_id, entry, task, metric, value,
// headline), sample_outcomes(run_id, entry, sample_id, score).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/run_folder.h"

struct sqlite3;

namespace vleval {

struct TrendPoint {
  long run_id = 0;
  std::string recorded_at;  // as given to Record, ISO 8601 UTC
  std::string folder;       // the run folder as recorded
  double value = 0;         // the entry's headline metric
};

struct EntryTrend {
  std::string entry;
  std::string metric;  // headline key
  bool lower_is_better = false;
  std::vector<TrendPoint> points;  // oldest first (by run id)
};

struct RecordOutcome {
  long run_id = 0;
  bool already_recorded = false;  // same folder with the same results.json
};

// $XDG_DATA_HOME/vleval/history.sqlite, else ~/.local/share/vleval/history.sqlite.
std::filesystem::path DefaultHistoryPath();

class RunHistory {
 public:
  // Opens or creates the database (and its folder). Errors name the file.
  static Result<RunHistory> Open(const std::filesystem::path& path);
  RunHistory(RunHistory&&) noexcept;
  RunHistory& operator=(RunHistory&&) noexcept;
  ~RunHistory();

  // Records `run` (its results, and every per-sample outcome it has) at
  // `recorded_at`. A run whose folder and results.json bytes were recorded
  // before is not added again. One connection per thread or process.
  Result<RecordOutcome> Record(const RunFolder& run, const std::string& recorded_at);

  // The headline trend of every entry, or of the entries of `task` (matching
  // the task name or the exact entry name), sorted by entry.
  Result<std::vector<EntryTrend>> Trend(const std::optional<std::string>& task = std::nullopt) const;

  // Number of recorded runs.
  Result<long> RunCount() const;

 private:
  RunHistory(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Opens the history at `db` and records `run` with the current UTC time: the
// one call that `vleval report --record`, `vleval history --record` and
// `vleval run` make.
Result<RecordOutcome> RecordRunNow(const RunFolder& run, const std::filesystem::path& db);

// The current UTC time as ISO 8601, e.g. "2026-11-22T00:04:42Z".
std::string UtcNow();

// The trend as text: per entry, one line per run with the value and its
// change from the run before.
std::string FormatTrend(const std::vector<EntryTrend>& trend);

}  // namespace vleval
