#include "harness/run/predictions_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/json_file.h"

namespace vleval {

Result<JournalContents> ReadJournal(const std::filesystem::path& path) {
  JournalContents contents;
  std::error_code error;
  // Nothing to resume from a missing file, nor from a device (e.g. /dev/full).
  if (!std::filesystem::is_regular_file(path, error)) return contents;
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  std::size_t start = 0;
  std::size_t line_number = 0;
  while (start < text->size()) {
    ++line_number;
    const std::size_t end = text->find('\n', start);
    const bool complete = end != std::string::npos;
    const std::string_view line(text->data() + start, (complete ? end : text->size()) - start);
    auto record = complete ? ParseRecordLine(line) : Result<PredictionRecord>(Error{"no newline at the end"});
    const bool last = !complete || end + 1 == text->size();
    if (!record) {
      if (last) {
        contents.torn_tail = true;
        break;
      }
      return Error{path.string() + ":" + std::to_string(line_number) + ": " + record.error().message +
                   "; the file is corrupted (move it away to recompute this entry)"};
    }
    contents.records.push_back(std::move(*record));
    start = end + 1;
    contents.good_bytes = start;
  }
  return contents;
}

Result<PredictionsJournal> PredictionsJournal::Open(const std::filesystem::path& path,
                                                    JournalContents& existing) {
  auto contents = ReadJournal(path);
  if (!contents) return contents.error();
  existing = std::move(*contents);
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return Error{"cannot create " + path.parent_path().string() + ": " + error.message()};
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Error{"cannot write " + path.string() + ": " + std::strerror(errno)};
  if (existing.torn_tail && ::ftruncate(fd, static_cast<off_t>(existing.good_bytes)) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    return Error{"cannot drop the torn last line of " + path.string() + ": " + reason};
  }
  return PredictionsJournal(path, fd);
}

PredictionsJournal::PredictionsJournal(PredictionsJournal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

PredictionsJournal::~PredictionsJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status PredictionsJournal::Append(std::span<const PredictionRecord> records) {
  std::string bytes;
  for (const auto& record : records) bytes += FormatRecordLine(record) + "\n";
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = n < 0 ? std::strerror(errno) : "nothing written";
      // Keep the file a sequence of whole lines: cut a partial batch off again.
      if (written > 0) {
        const off_t size = ::lseek(fd_, 0, SEEK_END);
        if (size >= static_cast<off_t>(written) &&
            ::ftruncate(fd_, size - static_cast<off_t>(written)) != 0) {
          return Error{"cannot write " + path_.string() + ": " + reason + " (a partial line may remain)"};
        }
      }
      return Error{"cannot write " + path_.string() + ": " + reason};
    }
    written += static_cast<std::size_t>(n);
  }
  return {};
}

}  // namespace vleval
