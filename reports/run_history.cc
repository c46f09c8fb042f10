#include "reports/run_history.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <thread>

#include "core/json_file.h"
#include "reports/number_format.h"

namespace vleval {
namespace {

constexpr int kBusyTimeoutMs = 60000;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY, folder TEXT NOT NULL, results_digest TEXT NOT NULL,
  recorded_at TEXT NOT NULL, harness_version TEXT NOT NULL, suite TEXT, checkpoint TEXT NOT NULL,
  UNIQUE(folder, results_digest));
CREATE TABLE IF NOT EXISTS entry_metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id), entry TEXT NOT NULL, task TEXT NOT NULL,
  metric TEXT NOT NULL, value REAL NOT NULL, headline INTEGER NOT NULL,
  PRIMARY KEY(run_id, entry, metric));
CREATE TABLE IF NOT EXISTS sample_outcomes(
  run_id INTEGER NOT NULL REFERENCES runs(id), entry TEXT NOT NULL, sample_id TEXT NOT NULL,
  score REAL NOT NULL, PRIMARY KEY(run_id, entry, sample_id));
)sql";

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// FNV-1a 64 of the bytes, as 16 hex digits: identifies a results.json.
std::string Digest(const std::string& bytes) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

// Runs `sql`, retrying while another connection holds a lock the busy
// handler does not wait for (journal mode changes during creation).
Status Exec(sqlite3* db, const std::string& sql, const std::string& where) {
  for (int attempt = 0;; ++attempt) {
    char* message = nullptr;
    const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    if (code == SQLITE_OK) return {};
    std::string text = message != nullptr ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && attempt < 600) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    return Error{where + ": " + text};
  }
}

Result<Statement> Prepare(sqlite3* db, const char* sql, const std::string& where) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Error{where + ": " + sqlite3_errmsg(db)};
  }
  return Statement(raw);
}

void BindText(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string ColumnText(sqlite3_stmt* statement, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
  return text == nullptr ? std::string() : std::string(text);
}

// Steps a statement that returns no rows, then resets it for reuse.
Status Run(sqlite3* db, sqlite3_stmt* statement, const std::string& where) {
  const int code = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (code != SQLITE_DONE) return Error{where + ": " + sqlite3_errmsg(db)};
  return {};
}

}  // namespace

std::filesystem::path DefaultHistoryPath() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  if (data_home != nullptr && *data_home != '\0')
    return std::filesystem::path(data_home) / "vleval" / "history.sqlite";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "vleval" /
         "history.sqlite";
}

Result<RunHistory> RunHistory::Open(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ignored;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(where.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{where + ": cannot open the run history: " + message};
  }
  RunHistory history(db, where);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
    if (auto status = Exec(db, sql, where); !status) return Error{status.message()};
  }
  if (auto status = Exec(db, std::string("BEGIN IMMEDIATE;") + kSchema + "COMMIT;", where); !status) {
    return Error{status.message()};
  }
  return history;
}

RunHistory::RunHistory(RunHistory&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
  other.db_ = nullptr;
}

RunHistory& RunHistory::operator=(RunHistory&& other) noexcept {
  std::swap(db_, other.db_);
  std::swap(path_, other.path_);
  return *this;
}

RunHistory::~RunHistory() { sqlite3_close(db_); }

Result<RecordOutcome> RunHistory::Record(const RunFolder& run, const std::string& recorded_at) {
  auto bytes = ReadTextFile(run.dir() / "results.json");
  if (!bytes) return bytes.error();
  std::error_code ignored;
  const std::string folder = std::filesystem::weakly_canonical(run.dir(), ignored).string();
  const std::string digest = Digest(*bytes);
  // Per-sample files are read before the transaction so the lock is short.
  std::vector<std::pair<std::string, std::vector<SampleOutcome>>> outcomes;
  for (const auto& [name, entry] : run.results().entries) {
    auto samples = run.PerSample(name);
    if (!samples) return samples.error();
    if (*samples) outcomes.emplace_back(name, std::move(**samples));
  }
  if (auto status = Exec(db_, "BEGIN IMMEDIATE", path_); !status) return Error{status.message()};
  auto fail = [&](const std::string& message) -> Result<RecordOutcome> {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return Error{message};
  };
  auto find = Prepare(db_, "SELECT id FROM runs WHERE folder = ?1 AND results_digest = ?2", path_);
  if (!find) return fail(find.error().message);
  BindText(find->get(), 1, folder);
  BindText(find->get(), 2, digest);
  if (sqlite3_step(find->get()) == SQLITE_ROW) {
    const long id = static_cast<long>(sqlite3_column_int64(find->get(), 0));
    find->reset();
    if (auto status = Exec(db_, "COMMIT", path_); !status) return Error{status.message()};
    return RecordOutcome{id, true};
  }
  auto insert_run = Prepare(db_,
                            "INSERT INTO runs(folder, results_digest, recorded_at, harness_version, suite, "
                            "checkpoint) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                            path_);
  auto insert_metric = Prepare(db_, "INSERT INTO entry_metrics VALUES(?1, ?2, ?3, ?4, ?5, ?6)", path_);
  auto insert_sample = Prepare(db_, "INSERT OR REPLACE INTO sample_outcomes VALUES(?1, ?2, ?3, ?4)", path_);
  if (!insert_run || !insert_metric || !insert_sample) return fail(path_ + ": " + sqlite3_errmsg(db_));
  const RunResults& results = run.results();
  BindText(insert_run->get(), 1, folder);
  BindText(insert_run->get(), 2, digest);
  BindText(insert_run->get(), 3, recorded_at);
  BindText(insert_run->get(), 4, results.harness_version);
  if (results.suite) BindText(insert_run->get(), 5, *results.suite);
  BindText(insert_run->get(), 6, results.checkpoint);
  if (auto status = Run(db_, insert_run->get(), path_); !status) return fail(status.message());
  const sqlite3_int64 run_id = sqlite3_last_insert_rowid(db_);
  for (const auto& [name, entry] : results.entries) {
    const auto headline = HeadlineOf(entry);
    for (const auto& [key, value] : entry.metrics) {
      sqlite3_stmt* s = insert_metric->get();
      sqlite3_bind_int64(s, 1, run_id);
      BindText(s, 2, name);
      BindText(s, 3, entry.task);
      BindText(s, 4, key);
      sqlite3_bind_double(s, 5, value);
      sqlite3_bind_int(s, 6, headline && headline->key == key ? 1 : 0);
      if (auto status = Run(db_, s, path_); !status) return fail(status.message());
    }
  }
  for (const auto& [name, samples] : outcomes) {
    for (const auto& sample : samples) {
      sqlite3_stmt* s = insert_sample->get();
      sqlite3_bind_int64(s, 1, run_id);
      BindText(s, 2, name);
      BindText(s, 3, sample.id);
      sqlite3_bind_double(s, 4, sample.score);
      if (auto status = Run(db_, s, path_); !status) return fail(status.message());
    }
  }
  if (auto status = Exec(db_, "COMMIT", path_); !status) return fail(status.message());
  return RecordOutcome{static_cast<long>(run_id), false};
}

Result<std::vector<EntryTrend>> RunHistory::Trend(const std::optional<std::string>& task) const {
  auto query =
      Prepare(db_,
              "SELECT e.entry, e.metric, r.id, r.recorded_at, r.folder, e.value FROM entry_metrics e "
              "JOIN runs r ON r.id = e.run_id WHERE e.headline = 1 AND "
              "(?1 IS NULL OR e.task = ?1 OR e.entry = ?1) ORDER BY e.entry, r.id",
              path_);
  if (!query) return query.error();
  if (task) BindText(query->get(), 1, *task);
  std::vector<EntryTrend> trend;
  int code;
  while ((code = sqlite3_step(query->get())) == SQLITE_ROW) {
    sqlite3_stmt* s = query->get();
    const std::string entry = ColumnText(s, 0);
    if (trend.empty() || trend.back().entry != entry) {
      const std::string metric = ColumnText(s, 1);
      trend.push_back({entry, metric, LowerIsBetter(metric), {}});
    }
    trend.back().points.push_back({static_cast<long>(sqlite3_column_int64(s, 2)), ColumnText(s, 3),
                                   ColumnText(s, 4), sqlite3_column_double(s, 5)});
  }
  if (code != SQLITE_DONE) return Error{path_ + ": " + sqlite3_errmsg(db_)};
  return trend;
}

Result<long> RunHistory::RunCount() const {
  auto query = Prepare(db_, "SELECT COUNT(*) FROM runs", path_);
  if (!query) return query.error();
  if (sqlite3_step(query->get()) != SQLITE_ROW) return Error{path_ + ": " + sqlite3_errmsg(db_)};
  return static_cast<long>(sqlite3_column_int64(query->get(), 0));
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Result<RecordOutcome> RecordRunNow(const RunFolder& run, const std::filesystem::path& db) {
  auto history = RunHistory::Open(db);
  if (!history) return history.error();
  return history->Record(run, UtcNow());
}

std::string FormatTrend(const std::vector<EntryTrend>& trend) {
  std::ostringstream out;
  for (const auto& entry : trend) {
    out << entry.entry << " (" << entry.metric << ", " << (entry.lower_is_better ? "lower" : "higher")
        << " is better)\n";
    for (std::size_t i = 0; i < entry.points.size(); ++i) {
      const TrendPoint& point = entry.points[i];
      std::string change = i == 0 ? "" : Signed(point.value - entry.points[i - 1].value);
      change.resize(8, ' ');
      std::string run = "run " + std::to_string(point.run_id);
      run.resize(8, ' ');
      std::string value = Fixed(point.value);
      value.resize(8, ' ');
      out << "  " << run << point.recorded_at << "  " << value << change << point.folder << "\n";
    }
  }
  return out.str();
}

}  // namespace vleval
