// The predictions file of one entry while a run writes it: records are
// appended batch by batch and handed to the kernel at once (a SIGKILL loses
// at most the batch being written), and reopening the file resumes it.
//
// Resuming: every line is checked (prediction_record.h). A bad last line is
// a torn write: it is dropped and the file truncated to the last good line.
// A bad line before the last is corruption: an error naming the file and line,
// and the file is left untouched. Not thread-safe; one writer per file.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "core/result.h"
#include "harness/run/prediction_record.h"

namespace vleval {

// The records of `path` in file order (empty when the file does not exist),
// and whether a torn last line was found. Does not modify the file.
struct JournalContents {
  std::vector<PredictionRecord> records;
  std::size_t good_bytes = 0;  // length of the prefix holding `records`
  bool torn_tail = false;
};
Result<JournalContents> ReadJournal(const std::filesystem::path& path);

class PredictionsJournal {
 public:
  // Reads `path` as ReadJournal does, truncates a torn tail, and opens the
  // file for appending (creating it and its folder). Errors name the file.
  static Result<PredictionsJournal> Open(const std::filesystem::path& path, JournalContents& existing);

  PredictionsJournal(PredictionsJournal&& other) noexcept;
  PredictionsJournal& operator=(PredictionsJournal&&) = delete;
  ~PredictionsJournal();

  // Appends one line per record with a single write; an error (disk full,
  // read-only file system) names the file and leaves earlier lines intact.
  Status Append(std::span<const PredictionRecord> records);

 private:
  PredictionsJournal(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace vleval
