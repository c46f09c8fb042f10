// Progress of a run, per entry: done/total, samples/s and ETA. On a terminal
// one live line is redrawn (at most 10 times a second); otherwise (batch jobs,
// log files) a plain line is printed at most every `plain_interval`, and at
// the end of each entry. Quiet prints nothing. Used from one thread at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace vleval {

enum class ProgressStyle { kLiveBar, kPlainLines, kQuiet };

// kLiveBar when `fd` is a terminal, else kPlainLines.
ProgressStyle ProgressStyleFor(int fd);

class RunProgress {
 public:
  RunProgress(std::ostream& out, ProgressStyle style,
              std::chrono::seconds plain_interval = std::chrono::seconds(30));

  // `done` samples of `total` were finished by an earlier, interrupted run.
  void StartEntry(const std::string& entry, std::size_t total, std::size_t done);
  void Advance(std::size_t samples);
  void FinishEntry();
  // Prints "vleval run: warning: <message>" on a line of its own (a live bar
  // is cleared first and redrawn after), in every style: quiet hides progress,
  // not warnings.
  void Warn(const std::string& message);

  // "okvqa  120/5046  3.2 samples/s  ETA 25m40s" for the current state.
  std::string Line() const;

 private:
  using Clock = std::chrono::steady_clock;
  void Show(bool force);

  std::ostream& out_;
  ProgressStyle style_;
  std::chrono::seconds plain_interval_;
  std::string entry_;
  std::size_t total_ = 0, done_ = 0, done_here_ = 0;
  Clock::time_point started_, last_shown_;
};

}  // namespace vleval
