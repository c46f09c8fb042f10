#include "harness/run/run_progress.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace vleval {
namespace {

std::string Duration(double seconds) {
  const long s = std::lround(seconds);  // seconds >= 0: half up
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else {
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  }
  return text;
}

}  // namespace

ProgressStyle ProgressStyleFor(int fd) {
  return ::isatty(fd) ? ProgressStyle::kLiveBar : ProgressStyle::kPlainLines;
}

RunProgress::RunProgress(std::ostream& out, ProgressStyle style, std::chrono::seconds plain_interval)
    : out_(out), style_(style), plain_interval_(plain_interval) {}

void RunProgress::StartEntry(const std::string& entry, std::size_t total, std::size_t done) {
  entry_ = entry;
  total_ = total;
  done_ = done;
  done_here_ = 0;
  started_ = last_shown_ = Clock::now();
  Show(true);
}

void RunProgress::Advance(std::size_t samples) {
  done_ += samples;
  done_here_ += samples;
  Show(false);
}

void RunProgress::FinishEntry() {
  Show(true);
  if (style_ == ProgressStyle::kLiveBar) out_ << "\n" << std::flush;
}

void RunProgress::Warn(const std::string& message) {
  const bool live = style_ == ProgressStyle::kLiveBar && !entry_.empty();
  if (live) out_ << "\r\033[K";
  out_ << "vleval run: warning: " << message << "\n" << std::flush;
  if (live) Show(true);
}

std::string RunProgress::Line() const {
  const double elapsed = std::chrono::duration<double>(Clock::now() - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_here_) / elapsed : 0.0;
  char text[256];
  std::snprintf(text, sizeof text, "%s  %zu/%zu  %.1f samples/s", entry_.c_str(), done_, total_, rate);
  std::string line = text;
  if (done_ < total_ && rate > 0) line += "  ETA " + Duration(static_cast<double>(total_ - done_) / rate);
  return line;
}

void RunProgress::Show(bool force) {
  if (style_ == ProgressStyle::kQuiet) return;
  const auto now = Clock::now();
  if (style_ == ProgressStyle::kLiveBar) {
    if (!force && now - last_shown_ < std::chrono::milliseconds(100)) return;
    const std::size_t width = 24;
    const std::size_t filled = total_ == 0 ? width : width * done_ / total_;
    out_ << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << Line()
         << "\033[K" << std::flush;
  } else {
    if (!force && now - last_shown_ < plain_interval_) return;
    out_ << "vleval run: " << Line() << "\n" << std::flush;
  }
  last_shown_ = now;
}

}  // namespace vleval
