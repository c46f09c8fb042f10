#include "harness/run/shard_execution.h"

#include <algorithm>
#include <set>
#include <span>

#include "benchmarks/sample_prompt.h"
#include "core/sample_id.h"
#include "harness/run/predictions_journal.h"
#include "harness/run/truncated_images.h"
#include "model/image_input.h"

namespace vleval {
namespace {

// Samples gathered before batching: this many batches, at most kMaxWindow
// samples (images held in memory).
constexpr std::size_t kWindowBatches = 4, kMaxWindow = 256;

// Collects pending samples into a window, buckets it by prompt length when
// the source asks for it (a stable sort: batches of similar lengths waste
// little padding) and sends it to the source batch by batch. Outputs do not depend on the batch a
// sample lands in, and records are kept by sample id, so results are those
// of task order.
class Batcher {
 public:
  Batcher(const PlannedEntry& entry, std::size_t batch_size, PredictionSource& source,
          PredictionsJournal& journal, RunProgress& progress)
      : entry_(entry), batch_size_(batch_size), source_(source), journal_(journal), progress_(progress) {}

  // Adds one sample; runs the window when it is full or `last` is set.
  void Add(PendingSample pending, bool last) {
    if (!status_) return;
    window_.push_back(std::move(pending));
    const std::size_t batch_size = batch_size_;
    const std::size_t window = source_.buckets_by_length()
                                   ? std::min(kMaxWindow, std::max(batch_size, kWindowBatches * batch_size))
                                   : batch_size;
    if (window_.size() >= window || last) FlushWindow();
  }
  void Fail(Status status) {
    if (status_) status_ = std::move(status);
  }
  const Status& status() const { return status_; }

 private:
  void FlushWindow() {
    if (source_.buckets_by_length()) {
      std::stable_sort(window_.begin(), window_.end(), [](const PendingSample& a, const PendingSample& b) {
        return a.prompt.size() < b.prompt.size();
      });
    }
    const std::size_t batch_size = batch_size_;
    for (std::size_t start = 0; start < window_.size() && status_; start += batch_size) {
      Flush(std::span<const PendingSample>(window_).subspan(start,
                                                            std::min(batch_size, window_.size() - start)));
    }
    window_.clear();
  }
  void Flush(std::span<const PendingSample> batch) {
    auto records = source_.Predict(entry_, batch);
    if (!records) return Fail(records.error());
    if (records->size() != batch.size())
      return Fail(Error{entry_.name + ": the backend returned a wrong count"});
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (batch[i].image.pixels.truncated)
        (*records)[i].image_truncated = true;  // journaled: resume keeps it
    }
    if (auto written = journal_.Append(*records); !written) return Fail(written);
    progress_.Advance(batch.size());
  }

  const PlannedEntry& entry_;
  std::size_t batch_size_;
  PredictionSource& source_;
  PredictionsJournal& journal_;
  RunProgress& progress_;
  std::vector<PendingSample> window_;
  Status status_;
};

Result<PendingSample> Prepare(const PlannedEntry& entry, std::size_t position) {
  PendingSample pending;
  pending.position = position;
  pending.sample = &entry.loaded.samples[position];
  auto rendered =
      RenderSamplePrompt(entry.task, entry.variant, entry.identifier, *pending.sample, entry.model);
  if (!rendered) return Error{entry.name + ": " + rendered.error().message};
  pending.task_text = std::move(rendered->task_text);
  pending.prompt = std::move(rendered->prompt);
  return pending;
}

// The positions still to do, after checking that the file's records belong
// to this shard of this entry.
Result<std::vector<std::size_t>> PendingPositions(const PlannedEntry& entry,
                                                  const std::vector<std::size_t>& owned,
                                                  const std::vector<PredictionRecord>& existing,
                                                  const std::filesystem::path& file) {
  std::set<std::string> owned_ids, done;
  for (const std::size_t position : owned) owned_ids.insert(SampleIdText(entry.loaded.samples[position].id));
  for (const auto& record : existing) {
    const std::string id = SampleIdText(record.id);
    if (!owned_ids.count(id)) {
      return Error{file.string() + ": sample " + id + " is not one this run evaluates for " + entry.name +
                   " (a predictions file of another run or shard layout?)"};
    }
    done.insert(id);
  }
  std::vector<std::size_t> pending;
  for (const std::size_t position : owned) {
    if (!done.count(SampleIdText(entry.loaded.samples[position].id))) pending.push_back(position);
  }
  return pending;
}

Status ExecuteEntry(const PlannedEntry& entry, PredictionSource& source, const ShardExecution& execution,
                    RunProgress& progress) {
  const auto file = execution.predictions_dir / (entry.name + ".jsonl");
  JournalContents existing;
  auto journal = PredictionsJournal::Open(file, existing);
  if (!journal) return journal.error();
  const auto owned = ShardPositions(entry.loaded.samples.size(), execution.shard);
  auto pending = PendingPositions(entry, owned, existing.records, file);
  if (!pending) return pending.error();
  progress.StartEntry(entry.name, owned.size(), owned.size() - pending->size());
  // With nothing pending the source is not asked anything (a lazy one
  // stays unopened, see lazy_prediction_source.h).
  const int preferred = pending->empty() || execution.batch_size_given ? 0 : source.preferred_batch_size();
  const int batch_size = preferred > 0 ? preferred : entry.batch_size;
  Batcher batcher(entry, static_cast<std::size_t>(batch_size), source, *journal, progress);
  const bool needs_images = !pending->empty() && source.needs_images();
  if (!needs_images) {
    for (std::size_t k = 0; k < pending->size() && batcher.status(); ++k) {
      auto prepared = Prepare(entry, (*pending)[k]);
      if (!prepared) return prepared.error();
      batcher.Add(std::move(*prepared), k + 1 == pending->size());
    }
  } else {
    if (auto images = CheckImages(entry, *pending); !images) return images;
    std::vector<std::filesystem::path> paths;
    for (const std::size_t position : *pending)
      paths.push_back(*ResolveImage(entry.loaded.samples[position], entry.loaded.image_roots));
    ImageReadOptions options;
    options.max_in_flight = 2 * batch_size;
    options.threads = execution.threads;
    ReadImageInputsInParallel(paths, options, [&](std::size_t k, Result<ImageInput>& image) {
      if (!batcher.status()) return;
      if (!image)
        return batcher.Fail(Error{entry.name + ": sample " +
                                  SampleIdText(entry.loaded.samples[(*pending)[k]].id) + ": " +
                                  image.error().message});
      auto prepared = Prepare(entry, (*pending)[k]);
      if (!prepared) return batcher.Fail(prepared.error());
      if (image->pixels.truncated) progress.Warn(TruncatedImageWarning(entry, *prepared->sample, paths[k]));
      prepared->image = std::move(*image);
      batcher.Add(std::move(*prepared), k + 1 == paths.size());
    });
  }
  if (!batcher.status()) return batcher.status();
  progress.FinishEntry();
  return {};
}

}  // namespace

Status ExecuteShard(const std::vector<PlannedEntry>& plan, PredictionSource& source,
                    const ShardExecution& execution, RunProgress& progress) {
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (auto status = ExecuteEntry(plan[i], source, execution, progress); !status) return status;
    if (execution.on_entry_done) execution.on_entry_done(i);
  }
  return {};
}

}  // namespace vleval
